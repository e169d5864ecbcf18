import { readStoryClauses } from './story-clauses';
import { WithoutClauseDraft } from './without-clause';

describe('reading a story’s stored WITHOUT clauses', () => {
  it('reads no value as no clauses', () => {
    expect(readStoryClauses(null)).toEqual({ clauses: [], directThreatIds: [], revision: 0, problems: [] });
    expect(readStoryClauses(undefined)).toEqual({ clauses: [], directThreatIds: [], revision: 0, problems: [] });
  });

  it('reads a valid value', () => {
    const value = {
      clauses: [{ id: 'c1', text: 'having my card data stolen', threatIds: ['T-1', 'T-12'] }],
      directThreatIds: ['T-3'],
    };
    expect(readStoryClauses(value)).toEqual({
      clauses: value.clauses,
      directThreatIds: ['T-3'],
      revision: 0,
      problems: [],
    });
  });

  it.each([
    ['a string', 'WITHOUT fraud'],
    ['clauses that are not a list', { clauses: 'x' }],
    ['a clause with 10,000 characters', { clauses: [{ id: 'c1', text: 'x'.repeat(10_000), threatIds: [] }] }],
    ['a threat id in the wrong form', { clauses: [{ id: 'c1', text: 'abc', threatIds: ['T-0'] }] }],
  ])('reports %s as a problem and shows no clauses', (_what, value) => {
    const read = readStoryClauses(value);
    expect(read.clauses).toEqual([]);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatch(/^The stored WITHOUT clauses of this story are not valid/);
  });
});

describe('a WITHOUT clause', () => {
  it('says what is wrong in words a person can act on', () => {
    const tooLong = WithoutClauseDraft.safeParse({ id: 'c1', text: 'x'.repeat(10_000), threatIds: [] });
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0]?.message).toBe('A WITHOUT clause can have at most 500 characters');
    const tooShort = WithoutClauseDraft.safeParse({ id: 'c1', text: ' a ', threatIds: [] });
    expect(tooShort.error?.issues[0]?.message).toBe('A WITHOUT clause needs at least 3 characters');
  });

  it('keeps markup as plain text: rendering, not storage, makes it safe', () => {
    const parsed = WithoutClauseDraft.parse({ id: 'c1', text: '<script>alert(1)</script>', threatIds: [] });
    expect(parsed.text).toBe('<script>alert(1)</script>');
  });
});
