import type { LocalSite } from '../../../local/site/server';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { startTestSite } from '../../../test/support/local-site';
import { measureCall } from '../../../test/support/round-trips';
import * as viewTaskMemory from '../../app/story/view-task-memory';
import type { StoryView } from '../../contract';
import type { Envelope } from '../../domain/common/envelope';
import { resolver } from '../../index';

// Accepting on a story whose threats have tasks: the answer shows those tasks, read in the request
// that reads the story (a bulkfetch) when this instance has shown the story, so the call stays
// within issue 20's 9 requests and 4 round trips. On an instance that has not shown the story (a
// cold one: Forge runs many), the panel sends the ids of the tasks it shows with the accept, and
// those are read with the story the same way. Either is only a guess: when the ids are not the
// ones the answer needs, the answer reads them again and is the same as a fresh view.

// The guess as this instance has it, replaced in one test by a wrong one.
jest.mock('../../app/story/view-task-memory', () => {
  const actual = jest.requireActual<typeof viewTaskMemory>('../../app/story/view-task-memory');
  return { ...actual, lastViewTasks: jest.fn(actual.lastViewTasks) };
});

const PAY_3 = '10002'; // links T-5, whose mitigation has the task 10020
const onIssue = { type: 'jira:issuePanel', issue: { id: PAY_3 }, project: { id: '10000', key: 'PAY' } };
/** The task ids a view shows, as the panel sends them with an accept. */
const shownTaskIds = (view: StoryView) => view.mitigations.flatMap((m) => (m.task ? [m.task.id] : []));

describe('the tasks an accept answers with', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  const ok = <T>(answer: unknown): T => {
    const envelope = answer as Envelope<T>;
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return envelope.data;
  };
  const story = async () => ok<StoryView>(await call('bob', 'story/get', {}, onIssue));
  const accept = async (templateId: string, baseRevision: number, taskIds?: string[]) => {
    let answer: StoryView | undefined;
    const cost = await measureCall(site, async () => {
      answer = ok<StoryView>(
        await call(
          'bob',
          'knowledge-base/accept',
          { knowledgeBaseId: 'web-and-api', templateId, baseRevision, ...(taskIds ? { taskIds } : {}) },
          onIssue,
        ),
      );
    });
    return { answer: answer!, cost, bulkfetches: cost.lines.filter((l) => l.endsWith('/issue/bulkfetch')).length };
  };

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterAll(() => site.close());

  it('reads the story and its tasks in one request: 9 requests, 4 round trips, the view a fresh read shows', async () => {
    const before = await story();
    expect(before.mitigations.some((m) => m.task?.id === '10020')).toBe(true);
    const { answer, cost, bulkfetches } = await accept('WEB-I-01', before.revision);
    expect(cost.lines.some((l) => l.startsWith('user GET') && l.includes(`/issue/${PAY_3}`))).toBe(false);
    expect(bulkfetches).toBe(1);
    expect(cost.lines.filter((l) => l.includes('/properties/without.model.shard.'))).not.toHaveLength(0);
    expect(cost.requests).toBeLessThanOrEqual(9);
    expect(cost.roundTrips).toBeLessThanOrEqual(4);
    const fresh = await story();
    expect(answer.revision).toBe(before.revision + 1);
    expect(answer.mitigations).toEqual(fresh.mitigations);
    expect(answer.risk).toEqual(fresh.risk);
    expect(answer.mitigations.some((m) => m.task?.id === '10020')).toBe(true);
  });

  it('a wrong guess of the tasks costs a read more, never a wrong answer', async () => {
    const before = await story();
    // As if this instance had shown the story with other tasks (another one has since changed it).
    jest.mocked(viewTaskMemory.lastViewTasks).mockReturnValueOnce(['10020', '10003']);
    const { answer, bulkfetches } = await accept('WEB-D-02', before.revision);
    expect(bulkfetches).toBe(2);
    const fresh = await story();
    expect(answer.mitigations).toEqual(fresh.mitigations);
    expect(answer.risk).toEqual(fresh.risk);
    expect(answer.revision).toBe(fresh.revision);
  });
  describe('on an instance that has not shown the story', () => {
    beforeEach(() => jest.mocked(viewTaskMemory.lastViewTasks).mockReturnValue([]));
    afterEach(() =>
      jest
        .mocked(viewTaskMemory.lastViewTasks)
        .mockImplementation(
          jest.requireActual<typeof viewTaskMemory>('../../app/story/view-task-memory').lastViewTasks,
        ),
    );

    it('reads the tasks the panel shows with the story: 9 requests, 4 round trips, the view a fresh read shows', async () => {
      const before = await story();
      expect(shownTaskIds(before)).toContain('10020');
      const { answer, cost, bulkfetches } = await accept('WEB-S-03', before.revision, shownTaskIds(before));
      expect(cost.lines.some((l) => l.startsWith('user GET') && l.includes(`/issue/${PAY_3}`))).toBe(false);
      expect(bulkfetches).toBe(1);
      expect(cost.requests).toBeLessThanOrEqual(9);
      expect(cost.roundTrips).toBeLessThanOrEqual(4);
      const fresh = await story();
      expect(answer.revision).toBe(before.revision + 1);
      expect(answer.mitigations).toEqual(fresh.mitigations);
      expect(answer.risk).toEqual(fresh.risk);
    });

    it('without the panel’s ids (an older page) reads the tasks after the model: 10 requests, the same answer', async () => {
      const before = await story();
      const { answer, cost, bulkfetches } = await accept('WEB-T-01', before.revision);
      expect(bulkfetches).toBe(1);
      expect(cost.lines.some((l) => l.startsWith('user GET') && l.includes(`/issue/${PAY_3}`))).toBe(true);
      expect(cost.requests).toBe(10);
      expect(cost.roundTrips).toBeLessThanOrEqual(4);
      expect(answer.mitigations).toEqual((await story()).mitigations);
    });

    it('ids the panel did not show (the story itself, an issue that is no task, one that does not exist) are never shown', async () => {
      const before = await story();
      const forged = [PAY_3, '10003', '99999'];
      const { answer, bulkfetches } = await accept('WEB-R-01', before.revision, forged);
      expect(bulkfetches).toBe(2);
      const fresh = await story();
      expect(answer.mitigations).toEqual(fresh.mitigations);
      expect(answer.risk).toEqual(fresh.risk);
      expect(answer.revision).toBe(fresh.revision);
    });
  });
});
