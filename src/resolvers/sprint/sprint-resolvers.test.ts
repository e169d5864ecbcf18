import type { LocalSite } from '../../../local/site/server';
import { addSprintStories } from '../../../test/support/bulk-stories';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { restAs, startTestSite } from '../../../test/support/local-site';
import type { Envelope } from '../../domain/common/envelope';
import type { SprintChoice, SprintPlanView } from '../../contract';
import { resolver } from '../../index';
import {
  addBenchSprint,
  random,
  removeDemoTasks,
  seedBenchModel,
  type BenchSprint,
  type SeededModel,
} from '../../../test/bench/bench-data';
import { PULL_IN_MOST, STORY_PAGE_SIZE } from '../../domain/sprint/sprint-window';
import { afterSprintWith } from '../../domain/sprint/after-sprint-preview';

/**
 * Bob administers nothing: when the plan has a threat with no mitigation, whether he may add one
 * reads the role the settings name as the model's editors (beside the rest, once seen).
 */
const EDITOR_CHECK = 1;

const onSprint = (id: number) => ({
  type: 'jira:sprintAction',
  sprint: { id },
  board: { id: 1 },
  project: { id: '10000', key: 'PAY' },
});

describe('sprint planning', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  const plan = async (who: 'alice' | 'bob' | 'carol', sprintId: number) => {
    const answer = (await call(who, 'sprint/get', {}, onSprint(sprintId))) as Envelope<SprintPlanView>;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data;
  };
  const active = () => site.store.all('sprint').find((s) => s.state === 'active')!.id;

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterAll(() => site.close());

  it('lists the open sprints of the project, the active one first', async () => {
    const answer = (await call(
      'carol',
      'sprint/list',
      {},
      { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } },
    )) as Envelope<SprintChoice[]>;
    expect(answer).toEqual({
      ok: true,
      data: [
        { id: 2, name: 'PAY Sprint 12', state: 'active', boardName: 'PAY board' },
        { id: 3, name: 'PAY Sprint 13', state: 'future', boardName: 'PAY board' },
      ],
    });
  });

  it('shows the active sprint’s stories, their threats, the work to pull in ranked by risk removed, and warnings', async () => {
    const view = await plan('alice', active());
    expect(view.sprint).toMatchObject({ name: 'PAY Sprint 12', state: 'active' });
    expect(view.stories.map((s) => s.issueKey)).toEqual([
      'PAY-1',
      'PAY-2',
      'PAY-4',
      'PAY-6',
      'PAY-12',
      'PAY-17',
      'PAY-18',
    ]);
    expect(Object.keys(view.threats).sort()).toEqual(['T-1', 'T-2', 'T-3', 'T-4']);
    // T-4's tokenisation is in place; T-2's velocity limits wait in the backlog; T-3's
    // four-eyes approval has no task yet.
    expect(view.mitigations.map((m) => [m.id, m.place])).toEqual([
      ['M-1', 'done'],
      ['M-3', 'backlog'],
      ['M-4', 'not-created'],
    ]);
    expect(view.pullIn).toEqual([
      expect.objectContaining({
        mitigationId: 'M-3',
        place: 'backlog',
        riskRemoved: 9,
        threatIds: ['T-2'],
        storyKeys: ['PAY-12'],
        task: expect.objectContaining({ key: 'PAY-22' }),
      }),
      expect.objectContaining({
        mitigationId: 'M-4',
        place: 'not-created',
        riskRemoved: 9,
        threatIds: ['T-3'],
        storyKeys: ['PAY-6'],
      }),
    ]);
    expect(view.warnings.map((w) => `${w.kind} ${w.storyKey} ${w.threatId ?? ''}`.trim()).sort()).toEqual([
      'clause-without-threat PAY-4',
      'threat-without-mitigation PAY-1 T-1',
      'threat-without-mitigation PAY-2 T-1',
    ]);
    expect(view.risk.afterSprint).toBe(view.risk.now);
    expect(view).toMatchObject({ canSchedule: true, canCreateTasks: true });
  });

  it('pulls backlog work in: the task moves into the sprint and the risk after the sprint drops', async () => {
    const before = await plan('alice', active());
    expect(before.pullIn[0]).toMatchObject({
      mitigationId: 'M-3',
      place: 'backlog',
      riskRemoved: 9,
      task: { key: 'PAY-22' },
    });
    const answer = (await call(
      'alice',
      'sprint/add-tasks',
      { sprintId: active(), mitigationIds: ['M-3', 'M-4'] },
      onSprint(active()),
    )) as Envelope<SprintPlanView>;
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.pullIn).toEqual([]);
    expect(
      answer.data.mitigations
        .filter((m) => m.place === 'this-sprint')
        .map((m) => m.id)
        .sort(),
    ).toEqual(['M-3', 'M-4']);
    expect(answer.data.risk.afterSprint).toBe(before.risk.now - 9 - 9);
    // The preview shown while ticking M-3 and M-4 said the same before they were pulled in.
    const ticked = before.pullIn.filter((item) => ['M-3', 'M-4'].includes(item.mitigationId));
    expect(afterSprintWith(before.risk.afterSprint, ticked)).toBeCloseTo(answer.data.risk.afterSprint, 9);
    const sprintIssues = await restAs(site, 'alice')('GET', `/rest/agile/1.0/sprint/${active()}/issue?fields=summary`);
    expect((sprintIssues.body?.issues as Array<{ key: string }>).map((i) => i.key)).toEqual(
      expect.arrayContaining(['PAY-22', 'PAY-23']),
    );
  });

  it('answers NOT_FOUND, in words about reading, for a sprint that does not exist', async () => {
    expect(await call('bob', 'sprint/get', { sprintId: 9999 }, onSprint(active()))).toEqual({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: 'Sprint 9999 does not exist or you cannot see it, so its plan cannot be read. Pick another sprint.',
      },
    });
  });

  it('shows carol the plan but refuses her actions', async () => {
    expect(await plan('carol', active())).toMatchObject({ canSchedule: false, canCreateTasks: false });
    expect(
      await call('carol', 'sprint/add-tasks', { sprintId: active(), mitigationIds: ['M-3'] }, onSprint(active())),
    ).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'You need permission to schedule issues in PAY to add work to a sprint.' },
    });
  });

  it.each([20, 200, 2000])(
    'stays within ceil(N/100) + 4 Jira requests (and the editor check) for a sprint of %i stories (demo model)',
    async (count) => {
      const sprintId = site.store.next('sprint', 100);
      site.store.put('sprint', sprintId, {
        id: sprintId,
        boardId: 1,
        name: `Load sprint ${count}`,
        state: 'future',
        goal: '',
      });
      addSprintStories(site, sprintId, count);
      await plan('bob', sprintId);
      const mark = site.log.mark();
      const view = await plan('bob', sprintId);
      const requests = site.log.since(mark).length;
      const budget = Math.ceil(count / 100) + 4 + EDITOR_CHECK;
      console.log(`sprint of ${count} stories: ${requests} Jira requests (budget ${budget})`);
      expect(view.storyCount).toBe(count);
      expect(requests).toBeLessThanOrEqual(budget);
    },
    60_000,
  );
});

describe('sprint planning cost with a 1,000-threat, 2,000-mitigation model and 300 tasks', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  let sprints: BenchSprint[];
  let seeded: SeededModel;

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
    const rng = random(20261123);
    removeDemoTasks(site);
    sprints = [20, 200, 2000].map((size) => addBenchSprint(site, size, 1000, rng));
    seeded = await seedBenchModel(
      site,
      { threats: 1000, mitigations: 2000, tasks: 300, retiredShare: 0.02, seed: 7 },
      sprints,
    );
  }, 120_000);
  afterAll(() => site.close());

  it.each([0, 1, 2])(
    'stays within ceil(N/100) + 4 requests (and the editor check) whatever the model (sprint %#)',
    async (index) => {
      const sprint = sprints[index]!;
      expect(seeded.shards).toBeGreaterThan(10);
      const get = async () => {
        const answer = (await call('bob', 'sprint/get', {}, onSprint(sprint.sprintId))) as Envelope<SprintPlanView>;
        if (!answer.ok) throw new Error(answer.error.message);
        return answer.data;
      };
      await get();
      const mark = site.log.mark();
      const view = await get();
      const requests = site.log.since(mark).length;
      const budget = Math.ceil(sprint.size / 100) + 4 + EDITOR_CHECK;
      console.log(
        `sprint of ${sprint.size} stories, ${seeded.threats} threats in ${seeded.shards} shards, ${seeded.tasks} tasks: ${requests} Jira requests (budget ${budget})`,
      );
      expect(view.storyCount).toBe(sprint.size);
      expect(view.stories).toHaveLength(Math.min(sprint.size, STORY_PAGE_SIZE));
      expect(requests).toBeLessThanOrEqual(budget);
      // The answer lists the first pieces of work to pull in; asking for the most costs no more requests.
      const mark2 = site.log.mark();
      const wide = (await call(
        'bob',
        'sprint/get',
        { pullInLimit: PULL_IN_MOST },
        onSprint(sprint.sprintId),
      )) as Envelope<SprintPlanView>;
      if (!wide.ok) throw new Error(wide.error.message);
      expect(site.log.since(mark2).length).toBeLessThanOrEqual(budget);
      expect(wide.data.pullIn).toHaveLength(Math.min(wide.data.pullInCount, PULL_IN_MOST));
      // Every kind of place is told apart, from the sprint's own search and the id-only one.
      const shown = [...view.mitigations, ...wide.data.mitigations];
      const places = new Set([...shown.map((m) => m.place), ...wide.data.pullIn.map((p) => p.place)]);
      expect(places).toContain('this-sprint');
      expect(places).toContain('backlog');
      if (sprint.size >= 200) expect(places).toContain('other-sprint');
      // ...and each place is where the site has the task.
      const sprintOf = (key: string) => site.store.all('issue').find((i) => i.key === key)?.sprintId ?? null;
      const placed = [...shown, ...wide.data.pullIn.map((p) => ({ id: p.mitigationId, place: p.place, task: p.task }))];
      for (const m of placed.filter((v) => v.task && v.place !== 'done')) {
        const where = sprintOf(m.task!.key);
        if (m.place === 'this-sprint') expect(where).toBe(sprint.sprintId);
        else if (m.place === 'other-sprint') expect([null, sprint.sprintId]).not.toContain(where);
        else expect([m.id, where]).toEqual([m.id, null]);
      }
      // The sprint's own tasks count: once done, they lower the risk.
      if (seeded.tasksInSprint.get(sprint.sprintId)! > 0) expect(view.risk.afterSprint).toBeLessThan(view.risk.now);
    },
    60_000,
  );
});
