import { afterSprintWith } from './after-sprint-preview';
import { planSprint } from './sprint-plan';
import { aMitigation, aPlanInput, aStory, aThreat } from './sprint-plan-mother';

// The preview shown while work is ticked must be the number the sprint view shows once that work
// is in the sprint: the plan is worked out again with the ticked tasks in the sprint and compared.

const threats = [aThreat('T-1', 4, 5), aThreat('T-2', 3, 3), aThreat('T-3', 5, 5), aThreat('T-9', 2, 2, 'retired')];
const mitigations = [
  aMitigation('M-1', [['T-1', 50]], { task: '11' }), // in the sprint
  aMitigation(
    'M-2',
    [
      ['T-1', 75],
      ['T-2', 50],
    ],
    { task: '12' },
  ), // backlog
  aMitigation('M-3', [['T-1', 25]]), // no task yet
  aMitigation(
    'M-4',
    [
      ['T-2', 100],
      ['T-9', 50],
    ],
    { task: '14' },
  ), // backlog; T-9 is retired
  aMitigation('M-5', [['T-3', 75]], { task: '15', controlType: 'detective' }), // counts for nothing
  aMitigation('M-6', [['T-3', 50]], { status: 'implemented' }), // in place
  aMitigation(
    'M-7',
    [
      ['T-2', 25],
      ['T-3', 25],
    ],
    { task: '17' },
  ), // T-3 is no story's threat here
];
const stories = [aStory('PAY-1', ['T-1']), aStory('PAY-2', ['T-2', 'T-3'])];
const input = (inSprint: string[]) => aPlanInput(stories, threats, mitigations, inSprint);

describe('the risk after the sprint with the ticked work', () => {
  const before = planSprint(input(['11']));
  const item = (id: string) => before.pullIn.find((p) => p.mitigationId === id)!;

  it('is the risk after the sprint when nothing is ticked', () => {
    expect(afterSprintWith(before.risk.afterSprint, [])).toBe(before.risk.afterSprint);
  });

  it.each([[['M-2']], [['M-3']], [['M-2', 'M-3']], [['M-4']], [['M-2', 'M-4', 'M-7']], [['M-5']], [['M-7']]])(
    'equals the plan with %j pulled in',
    (ticked) => {
      const after = planSprint(input(['11', ...ticked.map((id) => item(id).task?.id ?? `new-${id}`)]));
      // A task not created yet is created by the pull-in: the plan then has it in the sprint.
      const created = planSprint({
        ...input(['11', ...ticked.map((id) => item(id).task?.id ?? `new-${id}`)]),
        mitigations: mitigations.map((m) =>
          ticked.includes(m.id) && !m.task
            ? {
                ...m,
                task: { id: `new-${m.id}`, key: `PAY-${m.id}`, statusName: 'To Do', categoryKey: 'new' as const },
              }
            : m,
        ),
      });
      const expected = ticked.some((id) => !item(id).task) ? created.risk.afterSprint : after.risk.afterSprint;
      expect(afterSprintWith(before.risk.afterSprint, ticked.map(item))).toBeCloseTo(expected, 9);
      expect(expected).toBeLessThanOrEqual(before.risk.afterSprint);
    },
  );

  it('multiplies what two pieces of work leave of one threat, as independent controls do', () => {
    // T-1 after the sprint: 20 x 0.5 (M-1) = 10; M-2 leaves 25% of it, M-3 75% of that.
    expect(item('M-2').effects).toContainEqual({ threatId: 'T-1', afterSprint: 10, leaves: 0.25 });
    expect(before.risk.afterSprint - afterSprintWith(before.risk.afterSprint, [item('M-2'), item('M-3')])).toBeCloseTo(
      10 - 10 * 0.25 * 0.75 + 9 * 0.5,
      9,
    );
  });

  it('leaves out threats that are retired and controls that count for nothing', () => {
    expect(item('M-4').effects.map((e) => e.threatId)).toEqual(['T-2']);
    expect(item('M-5').effects).toEqual([]);
    // ...but counts every active threat the work lowers, also those of no story in this sprint.
    expect(item('M-7').effects.map((e) => e.threatId)).toEqual(['T-2', 'T-3']);
  });
});
