import { AppError } from '../common/app-error';
import { fixClauseWithoutThreat } from './clause-threat-fix';

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
