import { AppError } from '../common/app-error';
import { MAX_CLAUSES_PER_STORY } from '../story/story-clauses';
import { fixClauseWithoutThreat, linkThreatThroughClause, removeThreatLink } from './clause-threat-fix';

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

describe('the fixes that link a threat to a story through a clause', () => {
  it('adds a new clause linked to the threat only, and keeps the clauses and direct links there were', () => {
    const fix = { issueKey: 'PAY-4', threatId: 'T-2', newClause: { id: 'c-new', text: 'my session taken over' } };
    expect(linkThreatThroughClause(before, fix)).toEqual({
      clauses: [
        { id: 'c1', text: 'fraud', threatIds: [] },
        { id: 'c-new', text: 'my session taken over', threatIds: ['T-2'] },
      ],
      directThreatIds: ['T-2'],
    });
  });

  it('links the threat to a clause the story has, or says the clause is gone', () => {
    expect(linkThreatThroughClause(before, { issueKey: 'PAY-4', threatId: 'T-3', clauseId: 'c1' }).clauses).toEqual([
      { id: 'c1', text: 'fraud', threatIds: ['T-3'] },
    ]);
    expect(() => linkThreatThroughClause(before, { issueKey: 'PAY-4', threatId: 'T-3', clauseId: 'c9' })).toThrow(
      /no longer has that WITHOUT clause/,
    );
  });

  it('refuses a new clause whose id the story already uses, or one past the most a story can have', () => {
    const again = { issueKey: 'PAY-4', threatId: 'T-2', newClause: { id: 'c1', text: 'again' } };
    expect(() => linkThreatThroughClause(before, again)).toThrow(
      new AppError('CONFLICT', 'PAY-4 already has a clause with that id. Try again.'),
    );
    const full = {
      clauses: Array.from({ length: MAX_CLAUSES_PER_STORY }, (_, i) => ({
        id: `c${i}`,
        text: `clause ${i}`,
        threatIds: [],
      })),
      directThreatIds: [],
    };
    expect(() =>
      linkThreatThroughClause(full, {
        issueKey: 'PAY-4',
        threatId: 'T-2',
        newClause: { id: 'c-new', text: 'one more' },
      }),
    ).toThrow(/already has 50 WITHOUT clauses/);
  });
});
