import { AppError } from '../common/app-error';
import { fixClauseWithoutThreat, removeThreatLink } from './clause-threat-fix';

const before = { clauses: [{ id: 'c1', text: 'fraud', threatIds: [] }], directThreatIds: ['T-2'] };

describe('the fix for a clause linked to no threat', () => {
  it('links the threat to the clause and keeps the direct links', () => {
    expect(fixClauseWithoutThreat(before, { issueKey: 'PAY-4', clauseId: 'c1', threatId: 'T-1' })).toEqual({
      clauses: [{ id: 'c1', text: 'fraud', threatIds: ['T-1'] }],
      directThreatIds: ['T-2'],
    });
  });

  it('is a conflict when the clause is gone since the audit', () => {
    expect(() => fixClauseWithoutThreat(before, { issueKey: 'PAY-4', clauseId: 'c7', threatId: 'T-1' })).toThrow(
      new AppError('CONFLICT', 'PAY-4 no longer has that WITHOUT clause. Run the audit again.'),
    );
  });
});

describe('the fix for a link to a retired or unknown threat', () => {
  const linked = {
    clauses: [
      { id: 'c1', text: 'fraud', threatIds: ['T-9', 'T-1'] },
      { id: 'c2', text: 'leaks', threatIds: ['T-1'] },
    ],
    directThreatIds: ['T-9', 'T-2'],
  };

  it('removes the threat from every clause and the direct links, and says where it was', () => {
    expect(removeThreatLink(linked, { issueKey: 'PAY-4', threatId: 'T-9' })).toEqual({
      clauses: [
        { id: 'c1', text: 'fraud', threatIds: ['T-1'] },
        { id: 'c2', text: 'leaks', threatIds: ['T-1'] },
      ],
      directThreatIds: ['T-2'],
      fromClauses: ['fraud'],
      direct: true,
    });
  });

  it('is a conflict when the story no longer links the threat', () => {
    expect(() => removeThreatLink(linked, { issueKey: 'PAY-4', threatId: 'T-5' })).toThrow(
      new AppError('CONFLICT', 'PAY-4 no longer links T-5. Run the audit again.'),
    );
  });
});
