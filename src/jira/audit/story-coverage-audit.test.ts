import type { LocalSite } from '../../../local/site/server';
import { siteClient } from '../../../test/support/jira-clients';
import { startTestSite } from '../../../test/support/local-site';
import type { StoryCoverageSettings } from '../../domain/audit/story-coverage-settings';
import { changeThreatModel } from '../threat-model/threat-model-repository';
import { auditJiraProject } from './project-audit';

// The audit reads the stories without clauses with the same paged search as those with
// clauses, narrowed by the project's story settings, and one id-only search more with a scope.
describe('the audit of stories that need clauses, on the demo', () => {
  let site: LocalSite;
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
  });
  afterAll(() => site.close());

  const client = () => siteClient(site);
  const withStories = (storyCoverage: StoryCoverageSettings) =>
    changeThreatModel(client(), 'PAY', 'test', (model) => ({
      model: { ...model, settings: { ...model.settings, storyCoverage } },
      result: undefined,
    }));
  const audited = async () => {
    const mark = site.log.mark();
    const result = await auditJiraProject(client(), 'PAY', { now: '2026-12-01T00:00:00.000Z', suppressions: [] });
    const requests = site.log.since(mark).map((r) => `${r.method} ${r.path}`);
    const needing = result.findings
      .filter((f) => f.kind === 'story-needs-threat-modeling')
      .map((f) => f.entities.storyKeys[0])
      .sort();
    return { result, requests, needing };
  };

  it('finds the Story issues without clauses that the rules match, in one search with those with clauses', async () => {
    await audited(); // the field list, cached from then on, as in the worker's warm instance
    const { result, requests, needing } = await audited();
    expect(needing).toEqual(
      ['PAY-10', 'PAY-11', 'PAY-13', 'PAY-15', 'PAY-16', 'PAY-19', 'PAY-5', 'PAY-7', 'PAY-9'].sort(),
    );
    expect(result.coverage).toEqual({ withClauses: 9, needing: 18 });
    expect(requests.filter((r) => r.includes('/search/jql'))).toHaveLength(2); // stories, tasks
  });

  it('counts the issue types the settings name, and ignores one the project does not have', async () => {
    await withStories({ issueTypeNames: ['Story', 'Bug', 'Saga'], scopeJql: '' });
    const { needing, result } = await audited();
    expect(needing).toContain('PAY-18');
    expect(needing).not.toContain('PAY-17');
    expect(result.coverage).toEqual({ withClauses: 9, needing: 19 });
  });

  it('narrows them by the scope JQL, inside the project, with one id-only search more', async () => {
    await withStories({ issueTypeNames: ['Story'], scopeJql: 'labels = login' });
    const { needing, result, requests } = await audited();
    // login: PAY-3 and PAY-4 have clauses; PAY-5 and PAY-16 have none.
    expect(needing).toEqual(['PAY-16', 'PAY-5']);
    expect(result.coverage).toEqual({ withClauses: 2, needing: 4 });
    expect(requests.filter((r) => r.includes('/search/jql'))).toHaveLength(3);
    // Stories with clauses outside the scope are still audited for everything else.
    expect(result.findings.map((f) => f.id)).toContain('clause-without-threat:PAY-14:c14-1');
  });
});
