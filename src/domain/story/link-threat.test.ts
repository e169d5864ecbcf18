import { linkThreatToClause } from './link-threat';

const clauses = [
  { id: 'c1', text: 'card data stolen', threatIds: ['T-1'] },
  { id: 'c2', text: 'fraud', threatIds: [] },
];

describe('linking a threat to one clause', () => {
  it('adds the threat to that clause only', () => {
    expect(linkThreatToClause(clauses, 'c2', 'T-3')).toEqual([
      clauses[0],
      { id: 'c2', text: 'fraud', threatIds: ['T-3'] },
    ]);
  });

  it('links a threat once', () => {
    expect(linkThreatToClause(clauses, 'c1', 'T-1')).toEqual(clauses);
  });

  it('says so when the clause is gone', () => {
    expect(linkThreatToClause(clauses, 'c9', 'T-3')).toBeUndefined();
  });
});
