import { planSprint } from './sprint-plan';
import { aMitigation, aPlanInput, aStory, aThreat } from './sprint-plan-mother';
import { PULL_IN_MOST, STORY_PAGE_SIZE, pageOfPlan } from './sprint-window';

// 60 stories: story i links T-i (T-1..T-60), each threat with one mitigation in the backlog.
const count = 60;
const ids = Array.from({ length: count }, (_, i) => i + 1);
const threats = ids.map((i) => aThreat(`T-${i}`, 3, 3));
const mitigations = ids.map((i) => aMitigation(`M-${i}`, [[`T-${i}`, 50]], { task: `${100 + i}` }));
const stories = ids.map((i) => aStory(`PAY-${i}`, [`T-${i}`]));
const plan = planSprint(aPlanInput(stories, threats, mitigations));

describe('the part of a sprint’s plan the view shows', () => {
  it('is one page of stories, with the threats and mitigations that page names', () => {
    const page = pageOfPlan(stories, plan, { storyOffset: STORY_PAGE_SIZE, pullInLimit: 3 });
    expect(page.storyOffset).toBe(STORY_PAGE_SIZE);
    expect(page.storyCount).toBe(count);
    expect(page.stories.map((s) => s.issueKey)).toEqual(
      ids.slice(STORY_PAGE_SIZE, 2 * STORY_PAGE_SIZE).map((i) => `PAY-${i}`),
    );
    // Work to pull in: the first 3 of 60, all of equal risk removed, so by mitigation number.
    expect(page.pullIn.map((p) => p.mitigationId)).toEqual(['M-1', 'M-2', 'M-3']);
    expect(page.pullInCount).toBe(count);
    const pageThreats = ids.slice(STORY_PAGE_SIZE, 2 * STORY_PAGE_SIZE).map((i) => `T-${i}`);
    expect(Object.keys(page.threats).sort()).toEqual([...pageThreats, 'T-1', 'T-2', 'T-3'].sort());
    expect(page.mitigations.map((m) => m.id)).toEqual(pageThreats.map((t) => t.replace('T', 'M')));
  });

  it('keeps the totals of the whole plan', () => {
    const page = pageOfPlan(stories, plan, { storyOffset: 0, pullInLimit: 1 });
    expect(page.risk).toEqual(plan.risk);
    expect(page.coverage).toEqual(plan.coverage);
    expect(page.warnings).toEqual(plan.warnings);
  });

  it('shows the last page for an offset past the end, and the page that holds any offset', () => {
    expect(pageOfPlan(stories, plan, { storyOffset: 10_000, pullInLimit: 1 }).storyOffset).toBe(50);
    expect(pageOfPlan(stories, plan, { storyOffset: 31, pullInLimit: 1 }).storyOffset).toBe(25);
    expect(pageOfPlan([], planSprint(aPlanInput([], [], [])), { storyOffset: 5, pullInLimit: 1 })).toMatchObject({
      storyOffset: 0,
      stories: [],
    });
  });

  it('lists at most PULL_IN_MOST pieces of work, and the mitigations asked for whatever the page', () => {
    const page = pageOfPlan(stories, plan, { storyOffset: 0, pullInLimit: 10_000, mitigationIds: ['M-59'] });
    expect(page.pullIn).toHaveLength(Math.min(count, PULL_IN_MOST));
    expect(page.mitigations.map((m) => m.id)).toContain('M-59');
  });
});
