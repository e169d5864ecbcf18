import { DEFAULT_RISK_SETTINGS } from '../threat-model/risk-settings';
import { planSprint } from './sprint-plan';
import type { SprintStory } from './sprint-view';

const story = (key: string, over: Partial<SprintStory> = {}): SprintStory => ({
  issueId: `id-${key}`,
  issueKey: key,
  summary: `Story ${key}`,
  statusName: 'To Do',
  clauses: [],
  directThreatIds: [],
  counted: true,
  ...over,
});
const needs = { threats: 5, severity: 'High' as const, reasons: ['summary mentions "password"'] };
const plan = (stories: SprintStory[]) =>
  planSprint({
    sprintId: 3,
    stories,
    threats: [],
    mitigations: [],
    taskSprints: new Map(),
    risk: DEFAULT_RISK_SETTINGS,
  });

describe('a sprint’s stories that need WITHOUT clauses', () => {
  const stories = [
    story('PAY-5', { needsModeling: needs }),
    story('PAY-8', { clauses: [{ id: 'c1', text: 'the report being changed', threatIds: [] }] }),
    story('PAY-9'), // counted, no rule matches: needs nothing
    story('PAY-17', { counted: false }), // a Task
    story('PAY-16', { needsModeling: needs, directThreatIds: ['T-5'] }),
  ];

  it('are gaps, one each, naming how many threats apply and the worst', () => {
    const gaps = plan(stories).warnings.filter((w) => w.kind === 'story-needs-threat-modeling');
    expect(gaps).toEqual([
      {
        kind: 'story-needs-threat-modeling',
        storyKey: 'PAY-5',
        message: 'PAY-5 has no WITHOUT clause, but 5 threats of the knowledge base apply to it (High).',
        // What the rules matched travels with the gap: the story may be on another page of the view.
        needsModeling: needs,
      },
    ]);
  });

  it('count for coverage: with clauses, out of with clauses or matched, over counted stories only', () => {
    expect(plan(stories).coverage).toEqual({ withClauses: 1, needing: 3 });
    expect(plan([story('PAY-17', { counted: false })]).coverage).toEqual({ withClauses: 0, needing: 0 });
  });
});
