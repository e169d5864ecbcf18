import { cardInTransit } from '../../test/support/threat-edits';
import { tlsMitigation } from '../../test/support/mitigation-drafts';
import type { LocalSite } from '../../local/site/server';
import { resolverCaller } from '../../test/support/forge-invocation';
import { startTestSite } from '../../test/support/local-site';
import { callCost, okData, type CallCost } from '../../test/support/round-trips';
import type { StoryView, ThreatsAnswer } from '../contract';
import { resolver } from '../index';
import { STORY_LOCK_FLOOR_KEY } from '../jira/story/story-save-lock';

// Jira requests and sequential round trips per resolver call on the demo project, as budgets:
// at 200 ms a round trip, a call's time is its round trips. A view reads the issue and the
// person's permissions together, then the model, then the rest together. An edit's locks are keyed
// by the revision they move the model (or the story) from (src/jira/threat-model/model-locks.ts):
// creating lock.<R> (201) proves the model read first is current, so it is not read again and the
// lock is not deleted. A model edit reads the model with its locks, the person's permissions and the
// role the settings named last time together, creates the lock, writes the shard, then the meta (its
// revision is what the Threat model tab polls; a reader must never see it before the shard): four.
// Jira has no compare-and-set, so none of those steps can run beside another.

const PAY_1 = '10000';
const PAY_2 = '10001';
const onIssue = { type: 'jira:issuePanel', issue: { id: PAY_1 }, project: { id: '10000', key: 'PAY' } };
const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };
const onSettings = { type: 'jira:projectAdminPage', project: { id: '10000', key: 'PAY' } };

describe('Jira requests and round trips per resolver call (demo project)', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  const ok = okData;
  const cost = (who: 'alice' | 'bob', key: string, payload: unknown, extension: object): Promise<CallCost> =>
    callCost(site, call, who, key, payload, extension);
  const story = async () => ok<StoryView>(await call('bob', 'story/get', {}, onIssue));
  const threat = async (id: string) =>
    ok<ThreatsAnswer>(await call('bob', 'threat-model/threats', { ids: [id] }, onProject)).threats[0]!;
  const activeSprint = () => site.store.all('sprint').find((s) => s.state === 'active')!.id;
  const onActiveSprint = () => ({
    type: 'jira:sprintAction',
    sprint: { id: activeSprint() },
    board: { id: 1 },
    project: { id: '10000', key: 'PAY' },
  });

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
    await story(); // the site's field list, which every later call reads from the cache
  });
  afterAll(() => site.close());

  it('story/get', async () => {
    const measured = await cost('bob', 'story/get', {}, onIssue);
    // The issue, the permissions and the panel's project's model together, then the rest.
    expect(measured.requests).toBeLessThanOrEqual(5);
    expect(measured.roundTrips).toBeLessThanOrEqual(2);
  });

  it('story/save-clauses', async () => {
    const before = await story();
    const clauses = [...before.clauses, { id: 'c-budget', text: 'someone reading my receipts', threatIds: ['T-1'] }];
    const measured = await cost(
      'bob',
      'story/save-clauses',
      { baseRevision: before.revision, clauses, directThreatIds: before.directThreatIds },
      onIssue,
    );
    // The issue with its save locks, the panel's project and the permissions together; the lock of
    // the story's revision; the clauses written while the answer's other reads (the model's editors) run.
    expect(measured.requests).toBeLessThanOrEqual(6);
    expect(measured.roundTrips).toBeLessThanOrEqual(3);
  });

  // A story saved a fifth time within five minutes keeps the lowest of its locks that may remain in
  // the issue property without.lock.floor (src/jira/story/story-save-lock.ts). It is set by the
  // story's own write (Edit issue's `properties`), so that save costs what every other save does.
  it('story/save-clauses: five saves in a row, the fifth storing the lock floor', async () => {
    const onPay2 = { ...onIssue, issue: { id: PAY_2 } };
    const floor = () => site.store.get('issue', PAY_2)!.properties[STORY_LOCK_FLOOR_KEY];
    for (let i = 1; i <= 5; i++) {
      expect(floor()).toBeUndefined();
      const before = ok<StoryView>(await call('bob', 'story/get', {}, onPay2));
      const clause = { id: `c-burst-${i}`, text: `someone reading my receipts (${i})`, threatIds: [] };
      const edit = { baseRevision: before.revision, clauses: [...before.clauses, clause], directThreatIds: [] };
      const measured = await cost('bob', 'story/save-clauses', edit, onPay2);
      expect(measured.requests).toBeLessThanOrEqual(6);
      expect(measured.roundTrips).toBeLessThanOrEqual(3);
    }
    expect(floor()).toEqual({ floor: expect.any(Number) });
  });

  // Two leases, the story's and inside it the model's: the issue, the model and the roles read
  // together, both locks together (the model's given back if the story's is not taken, so none is
  // held while waiting for the other), the shard, then the meta beside the story.
  it('knowledge-base/accept', async () => {
    const before = await story();
    const measured = await cost(
      'bob',
      'knowledge-base/accept',
      { knowledgeBaseId: 'web-and-api', templateId: 'WEB-I-01', baseRevision: before.revision },
      onIssue,
    );
    expect(measured.requests).toBeLessThanOrEqual(9);
    expect(measured.roundTrips).toBeLessThanOrEqual(4);
  });

  // The Threat model tab: the index of every threat (with the project's risk, policy, history
  // and permissions), then the page's threats in full: the model, then their tasks by id.
  it('threat-model/get', async () => {
    const measured = await cost('bob', 'threat-model/get', {}, onProject);
    expect(measured.requests).toBeLessThanOrEqual(6);
    expect(measured.roundTrips).toBeLessThanOrEqual(3);
  });

  it('threat-model/threats', async () => {
    const ids = ['T-1', 'T-2', 'T-3', 'T-4', 'T-5', 'T-6'];
    const measured = await cost('bob', 'threat-model/threats', { ids }, onProject);
    expect(measured.requests).toBeLessThanOrEqual(2);
    expect(measured.roundTrips).toBeLessThanOrEqual(2);
  });

  it('threat-model/create-threat', async () => {
    const measured = await cost('bob', 'threat-model/create-threat', { draft: cardInTransit }, onProject);
    expect(measured.requests).toBeLessThanOrEqual(6);
    expect(measured.roundTrips).toBeLessThanOrEqual(4);
  });

  it('threat-model/update-threat', async () => {
    const t2 = await threat('T-2');
    const measured = await cost(
      'bob',
      'threat-model/update-threat',
      { id: 'T-2', baseRevision: t2.revision, draft: { ...cardInTransit, title: t2.title } },
      onProject,
    );
    // One more request than a create: the edit queue is listed, while the model is read.
    expect(measured.requests).toBeLessThanOrEqual(7);
    expect(measured.roundTrips).toBeLessThanOrEqual(4);
  });

  it('threat-model/set-threat-state', async () => {
    const created = ok<{ id: string; revision: number }>(
      await call('bob', 'threat-model/create-threat', { draft: { ...cardInTransit, title: 'To retire' } }, onProject),
    );
    const measured = await cost(
      'bob',
      'threat-model/set-threat-state',
      { id: created.id, baseRevision: created.revision, state: 'retired' },
      onProject,
    );
    expect(measured.requests).toBeLessThanOrEqual(7);
    expect(measured.roundTrips).toBeLessThanOrEqual(4);
  });

  it('mitigation/add', async () => {
    const measured = await cost('bob', 'mitigation/add', { draft: tlsMitigation }, onProject);
    expect(measured.requests).toBeLessThanOrEqual(6);
    expect(measured.roundTrips).toBeLessThanOrEqual(4);
    const added = ok<{ id: string; revision: number }>(
      await call('bob', 'mitigation/add', { draft: { ...tlsMitigation, title: 'Pin the TLS certificate' } }, onProject),
    );
    const update = await cost(
      'bob',
      'mitigation/update',
      { id: added.id, baseRevision: added.revision, draft: { ...tlsMitigation, title: 'Pin the TLS certificates' } },
      onProject,
    );
    expect(update.requests).toBeLessThanOrEqual(6);
    expect(update.roundTrips).toBeLessThanOrEqual(4);
  });

  it('sprint/get', async () => {
    const onSprint = onActiveSprint();
    const measured = await cost('bob', 'sprint/get', {}, onSprint);
    // 4, and the role the settings name as the model's editors (bob administers nothing): the
    // plan's gaps offer "Add a mitigation" only to them. Read beside the rest, as seen before.
    expect(measured.requests).toBeLessThanOrEqual(5);
    expect(measured.roundTrips).toBeLessThanOrEqual(1);
  });

  it("sprint/add-tasks: the person's permissions are asked once, for the check and the plan it answers", async () => {
    const onSprint = onActiveSprint();
    // M-3's task exists (PAY-22, in the backlog): it is moved, nothing is created.
    const measured = await cost(
      'bob',
      'sprint/add-tasks',
      { sprintId: activeSprint(), mitigationIds: ['M-3'] },
      onSprint,
    );
    expect(measured.lines.filter((line) => line.includes('/rest/api/3/mypermissions'))).toHaveLength(1);
  });

  it('audit/get', async () => {
    const measured = await cost('bob', 'audit/get', {}, onProject);
    expect(measured.requests).toBeLessThanOrEqual(4);
    expect(measured.roundTrips).toBeLessThanOrEqual(2);
  });

  it('audit/progress: the status property and the permission check, together', async () => {
    const measured = await cost('bob', 'audit/progress', {}, onProject);
    expect(measured.requests).toBeLessThanOrEqual(2);
    expect(measured.roundTrips).toBeLessThanOrEqual(1);
  });

  it('settings/get', async () => {
    const measured = await cost('alice', 'settings/get', {}, onSettings);
    expect(measured.requests).toBeLessThanOrEqual(6);
    expect(measured.roundTrips).toBeLessThanOrEqual(1);
  });
});
