import type { LocalSite } from '../../../local/site/server';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { callCost, okData } from '../../../test/support/round-trips';
import { addSecondProject } from '../../../test/support/second-project';
import { cardInTransit } from '../../../test/support/threat-edits';
import { STORY_CHECK_TASKS, type StoryChanges, type StorySeen, type StoryView } from '../../contract';
import { resolver } from '../../index';

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };
const onIssue = (id: string) => ({ type: 'jira:issuePanel', issue: { id }, project: { id: '10000', key: 'PAY' } });
const DONE = '41';

// The story panel asks story/changes every 15 s and reads the story (story/get: the issue, the
// model, the tasks, the permissions) only when it says yes: whatever the panel shows must say
// yes when it moves elsewhere, the question must stay two small requests in one round trip, and
// it must tell nobody anything about an issue they may not browse.
describe('story/changes', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  /** A demo story whose view shows a task not done yet. */
  let storyId: string;
  type Who = 'alice' | 'bob' | 'carol';
  const view = async (who: Who, id = storyId) => okData<StoryView>(await call(who, 'story/get', {}, onIssue(id)));
  const seenBy = async (who: Who, id = storyId) => (await view(who, id)).seen!;
  const changed = async (who: Who, seen: StorySeen, id = storyId) =>
    okData<StoryChanges>(await call(who, 'story/changes', seen, onIssue(id))).changed;
  const openTask = (v: StoryView) => v.mitigations.find((m) => m.task && m.task.categoryKey !== 'done')?.task;

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
    const fieldId = site.store.all('customField').find((f) => f.name === 'WITHOUT clauses')!.id;
    const stories = site.store
      .all('issue')
      .filter((i) => i.customFields[fieldId] !== undefined && !i.properties['without.task']);
    for (const story of stories) {
      const shown = await view('bob', String(story.id));
      if (openTask(shown)) {
        storyId = String(story.id);
        break;
      }
    }
    if (!storyId) throw new Error('The demo has no story showing a task that is not done.');
  });
  afterAll(() => site.close());

  it('says no when nothing changed, in two requests and one round trip', async () => {
    const seen = await seenBy('bob');
    expect(seen.taskIds.length).toBeGreaterThan(0);
    expect(await changed('bob', seen)).toBe(false);
    const cost = await callCost(site, call, 'bob', 'story/changes', seen, onIssue(storyId));
    // The model's meta, and the story with the tasks its view read in one bulk fetch.
    expect(cost.lines.sort()).toEqual(['user GET /rest/api/3/project/PAY', 'user POST /rest/api/3/issue/bulkfetch']);
    expect(cost.roundTrips).toBe(1);
    // Where story/get reads the issue, the model, the tasks, the permissions in two round trips.
    const full = await callCost(site, call, 'bob', 'story/get', {}, onIssue(storyId));
    expect(full.requests).toBeGreaterThan(cost.requests);
  });

  it('says yes once a task the panel shows moved to Done elsewhere', async () => {
    const before = await view('bob');
    const task = openTask(before)!;
    const moved = await restAs(site, 'alice')('POST', `/rest/api/3/issue/${task.id}/transitions`, {
      transition: { id: DONE },
    });
    expect(moved.status).toBe(204);
    expect(await changed('bob', before.seen!)).toBe(true);
    const after = await view('bob');
    // Nothing but the task moved: the check saw its status, not a model write.
    expect(after.seen).toMatchObject({ revision: before.seen!.revision, modelRevision: before.seen!.modelRevision });
    expect(after.mitigations.find((m) => m.task?.id === task.id)?.task?.categoryKey).toBe('done');
    expect(await changed('bob', after.seen!)).toBe(false);
  });

  it('says yes once someone else saved the story’s clauses', async () => {
    const seen = await seenBy('bob');
    const theirs = await view('alice');
    const clauses = [...theirs.clauses, { id: 'c-elsewhere', text: 'someone replaying my session', threatIds: [] }];
    okData(
      await call(
        'alice',
        'story/save-clauses',
        { baseRevision: theirs.revision, clauses, directThreatIds: theirs.directThreatIds },
        onIssue(storyId),
      ),
    );
    expect(await changed('bob', seen)).toBe(true);
    const after = await seenBy('bob');
    expect(after.revision).toBe(seen.revision + 1);
    expect(await changed('bob', after)).toBe(false);
  });

  it('says yes once someone changed the threat model', async () => {
    const seen = await seenBy('bob');
    okData(await call('alice', 'threat-model/create-threat', { draft: cardInTransit }, onProject));
    expect(await changed('bob', seen)).toBe(true);
    const after = await seenBy('bob');
    expect(after.modelRevision).toBeGreaterThan(seen.modelRevision);
    expect(await changed('bob', after)).toBe(false);
  });

  it('on a mitigation task’s panel, says no while nothing moved and yes once the task itself moved', async () => {
    const tasks = site.store.all('issue').filter((i) => i.properties['without.task']);
    let task: { id: string; seen: StorySeen; inProgress: boolean } | undefined;
    for (const candidate of tasks) {
      const shown = await view('bob', String(candidate.id));
      if (shown.task) task = { id: String(candidate.id), seen: shown.seen!, inProgress: candidate.statusId === '3' };
      if (task) break;
    }
    if (!task) throw new Error('The demo has no recorded mitigation task.');
    expect(task.seen.taskIds).toContain(task.id);
    expect(await changed('bob', task.seen, task.id)).toBe(false);
    // To Do or In Progress, whichever it is not: a move the model records nowhere.
    const moved = await restAs(site, 'alice')('POST', `/rest/api/3/issue/${task.id}/transitions`, {
      transition: { id: task.inProgress ? '11' : '21' },
    });
    expect(moved.status).toBe(204);
    expect(await changed('bob', task.seen, task.id)).toBe(true);
  });

  it('tells a person nothing about an issue they may not browse, whatever it becomes', async () => {
    // SEC: bob is a developer there, carol has no access at all (SEC does not exist for her).
    const { story: hidden } = addSecondProject(site);
    const withHidden = (seen: StorySeen): StorySeen => ({ ...seen, taskIds: [...seen.taskIds, hidden.id] });
    const carols = await seenBy('carol');
    const before = await changed('carol', withHidden(carols));
    const nonexistent = await changed('carol', { ...carols, taskIds: [...carols.taskIds, '99999999'] });
    const moved = await restAs(site, 'alice')('POST', `/rest/api/3/issue/${hidden.id}/transitions`, {
      transition: { id: DONE },
    });
    expect(moved.status).toBe(204);
    const after = await changed('carol', withHidden(carols));
    // The same answer as for an issue that does not exist, before and after it moved.
    expect([before, after]).toEqual([nonexistent, nonexistent]);
    expect(after).toBe(false);
    // For someone who may browse it, the very same question does see it: the test could fail.
    expect(await changed('bob', withHidden(await seenBy('bob')))).toBe(true);
  });

  it('says yes for what it cannot hold against the story, and refuses what is not a check', async () => {
    const seen = await seenBy('bob');
    expect(await changed('bob', { ...seen, modelRevision: seen.modelRevision + 50 })).toBe(true);
    expect(await changed('bob', { ...seen, tasks: '0'.repeat(32) })).toBe(true);
    // Another project's model than the story's: the story is not where the view says.
    expect(await changed('bob', { ...seen, projectKey: 'NOPE' })).toBe(true);
    const tooMany = { ...seen, taskIds: Array.from({ length: STORY_CHECK_TASKS + 1 }, (_, i) => String(20000 + i)) };
    for (const payload of [tooMany, { ...seen, taskIds: ['../myself'] }, { ...seen, tasks: 'x'.repeat(65) }, {}])
      expect(await call('bob', 'story/changes', payload, onIssue(storyId))).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST' },
      });
  });
});
