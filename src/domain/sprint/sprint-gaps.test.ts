import { planSprint } from './sprint-plan';
import { aMitigation, aPlanInput, aStory, aThreat } from './sprint-plan-mother';

// The gaps of a sprint's plan carry what their fix in place needs: the clause to link a threat
// to, the threat to add a mitigation to.

describe('a sprint’s gaps name what their fixes change', () => {
  const stories = [
    aStory('PAY-5', [], {
      clauses: [
        { id: 'c-reset', text: 'my reset link being reused', threatIds: [] },
        { id: 'c-mail', text: 'my mail being read', threatIds: ['T-1'] },
      ],
    }),
    aStory('PAY-8', ['T-6']),
  ];
  const threats = [aThreat('T-1', 3, 3), aThreat('T-6', 4, 4)];

  it('a clause linked to no threat: its story and the clause’s id, and no other clause', () => {
    const gaps = planSprint(aPlanInput(stories, threats, [aMitigation('M-1', [['T-1', 50]])])).warnings;
    expect(gaps.filter((g) => g.kind === 'clause-without-threat')).toEqual([
      {
        kind: 'clause-without-threat',
        storyKey: 'PAY-5',
        clauseId: 'c-reset',
        message: 'PAY-5: "WITHOUT my reset link being reused" is linked to no threat.',
      },
    ]);
  });

  it('a threat with no mitigation: its story and the threat, gone once a mitigation (even proposed) addresses it', () => {
    const without = planSprint(aPlanInput(stories, threats, [aMitigation('M-1', [['T-1', 50]])])).warnings;
    expect(without.filter((g) => g.kind === 'threat-without-mitigation')).toEqual([
      expect.objectContaining({ storyKey: 'PAY-8', threatId: 'T-6' }),
    ]);
    const added = aMitigation('M-2', [['T-6', 50]], { status: 'proposed' });
    const withOne = planSprint(aPlanInput(stories, threats, [aMitigation('M-1', [['T-1', 50]]), added])).warnings;
    expect(withOne.filter((g) => g.kind === 'threat-without-mitigation')).toEqual([]);
  });
});
