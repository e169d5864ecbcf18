import type { LocalSite } from '../../../local/site/server';
import { siteClient } from '../../../test/support/jira-clients';
import { startTestSite } from '../../../test/support/local-site';
import { searchIssues } from '../client/search-issues';
import { createTask, findClaimedTask, TASK_PROPERTY } from './mitigation-task-repository';

// Jira's JQL search is not read-after-write consistent
// (https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/). A retry of
// "Create task" after a failure between creating the task and recording it must still find the
// task it created a moment ago, or it would create a second one.

describe('adopting an interrupted task while search lags behind', () => {
  let site: LocalSite;
  beforeEach(async () => {
    site = await startTestSite({ demo: true });
    // Nothing written through the API reaches the index during the test.
    site.faults.configure({ searchLagWrites: 1_000 });
  });
  afterEach(() => site.close());

  const claim = { id: 'claim-1', accountId: '712020:bob', at: new Date().toISOString() };
  const create = (summary = 'Tokenize card numbers (M-9)') =>
    createTask(siteClient(site, '712020:bob'), {
      projectKey: 'PAY',
      issueTypeName: 'Task',
      summary,
      description: null,
      property: { v: 1, mitigationId: 'M-9', threatIds: ['T-1'], projectKey: 'PAY', claim: claim.id },
      storyKeys: [],
      linkType: 'Relates',
    });

  it('finds the task it created though search does not show it yet', async () => {
    const bob = siteClient(site, '712020:bob');
    const task = await create();
    const searched = await searchIssues(bob, {
      jql: `project = PAY AND issue.property[${TASK_PROPERTY}].mitigationId = "M-9"`,
    });
    expect(searched).toEqual([]);
    const adopted = await findClaimedTask(bob, 'PAY', 'M-9', claim);
    expect(adopted).toMatchObject({ id: task.id, key: task.key, property: { claim: 'claim-1' } });
  });

  it('still adopts nothing that is not the claimed task (wrong claim, wrong creator)', async () => {
    await create();
    const bob = siteClient(site, '712020:bob');
    expect(await findClaimedTask(bob, 'PAY', 'M-9', { ...claim, id: 'other' })).toBeUndefined();
    expect(await findClaimedTask(bob, 'PAY', 'M-9', { ...claim, accountId: '712020:alice' })).toBeUndefined();
  });

  it('answers the search with the issues it reconciles as they are now', async () => {
    const bob = siteClient(site, '712020:bob');
    const task = await create();
    const reconciled = await searchIssues(bob, {
      jql: `project = PAY AND issue.property[${TASK_PROPERTY}].mitigationId = "M-9"`,
      reconcileIssues: [task.id],
    });
    expect(reconciled.map((i) => i.key)).toEqual([task.key]);
    await expect(
      searchIssues(bob, { jql: 'project = PAY', reconcileIssues: Array.from({ length: 51 }, (_, i) => `${i + 1}`) }),
    ).rejects.toThrow(/at most 50/);
  });
});
