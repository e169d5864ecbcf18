import type { LocalSite } from '../../local/site/server';
import type { SprintPlanView } from '../../src/contract';
import type { Envelope } from '../../src/domain/common/envelope';
import { afterSprintWith } from '../../src/domain/sprint/after-sprint-preview';
import { PULL_IN_MOST, STORY_PAGE_SIZE } from '../../src/domain/sprint/sprint-window';
import { resolver } from '../../src/index';
import { addBenchSprint, random, removeDemoTasks, seedBenchModel, type BenchSprint } from '../bench/bench-data';
import { readThreatModel } from '../../src/jira/threat-model/threat-model-repository';
import { resolverCaller } from '../support/forge-invocation';
import { siteClient } from '../support/jira-clients';
import { startTestSite } from '../support/local-site';

// Issue 20: no resolver answer above 1 MB at the bench's sizes. The sprint view's answer for
// sprints of 20, 200 and 2,000 stories with the bench's 1,000-threat, 2,000-mitigation model
// (the whole plan of the 2,000-story sprint was 2.1 MB): the first page, the widest list of work
// to pull in, and the last page of stories.

const MB = 1_000_000;
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
const onSprint = (id: number) => ({
  type: 'jira:sprintAction',
  sprint: { id },
  board: { id: 1 },
  project: { id: '10000', key: 'PAY' },
});

describe('sprint/get answer size with the bench model', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  let sprints: BenchSprint[];
  let retired: Set<string>;
  const get = async (sprintId: number, payload: Record<string, unknown> = {}) => {
    const answer = (await call('bob', 'sprint/get', payload, onSprint(sprintId))) as Envelope<SprintPlanView>;
    if (!answer.ok) throw new Error(answer.error.message);
    return { view: answer.data, size: bytes(answer) };
  };

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
    const rng = random(20261123);
    removeDemoTasks(site);
    sprints = [20, 200, 2000].map((size) => addBenchSprint(site, size, 1000, rng));
    await seedBenchModel(site, { threats: 1000, mitigations: 2000, tasks: 300, retiredShare: 0.02, seed: 7 }, sprints);
    const { model } = await readThreatModel(siteClient(site), 'PAY');
    retired = new Set(model.threats.filter((t) => t.state !== 'active').map((t) => t.id));
    expect(retired.size).toBeGreaterThan(0);
  }, 120_000);
  afterAll(() => site.close());

  it.each([0, 1, 2])(
    'stays under 1 MB whatever part of the plan is asked for (sprint %#)',
    async (index) => {
      const sprint = sprints[index]!;
      const first = await get(sprint.sprintId);
      const widest = await get(sprint.sprintId, { pullInLimit: PULL_IN_MOST });
      const last = await get(sprint.sprintId, { storyOffset: sprint.size - 1, pullInLimit: PULL_IN_MOST });
      console.log(
        `sprint of ${sprint.size} stories: ${first.size} bytes (first page), ${widest.size} (${widest.view.pullIn.length} of ${widest.view.pullInCount} pieces of work), ${last.size} (last page)`,
      );
      for (const answer of [first, widest, last]) expect(answer.size).toBeLessThan(MB);
      expect(first.view.storyCount).toBe(sprint.size);
      expect(first.view.stories).toHaveLength(Math.min(sprint.size, STORY_PAGE_SIZE));
      const lastStart = Math.floor((sprint.size - 1) / STORY_PAGE_SIZE) * STORY_PAGE_SIZE;
      expect(last.view.storyOffset).toBe(lastStart);
      expect(last.view.stories).toHaveLength(sprint.size - lastStart);
      // What each page shows is there: the threats of its stories and of the listed work.
      for (const { view } of [first, last])
        for (const story of view.stories)
          for (const threatId of story.clauses.flatMap((c) => c.threatIds))
            if (sprint.threatIds.has(threatId) && !retired.has(threatId)) expect(view.threats[threatId]).toBeDefined();
      for (const item of widest.view.pullIn)
        for (const id of item.threatIds) expect(widest.view.threats[id]).toBeDefined();
      // The preview of the first 50 pieces of work stays between nothing and the risk after the sprint.
      const preview = afterSprintWith(first.view.risk.afterSprint, first.view.pullIn);
      expect(preview).toBeGreaterThanOrEqual(0);
      expect(preview).toBeLessThanOrEqual(first.view.risk.afterSprint);
    },
    60_000,
  );
});
