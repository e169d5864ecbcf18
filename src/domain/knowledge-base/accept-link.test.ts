import { AppError } from '../common/app-error';
import { checkStoryTakesLink, clausesLinkingThreat, linksThreatAlready } from './accept-link';

const clause = (id: string, text: string, threatIds: string[] = []) => ({ id, text, threatIds });
const story = (more: Partial<{ revision: number; problems: string[] }> = {}) => ({
  clauses: [clause('c1', 'card data stolen', ['T-1']), clause('kb-3', 'fraud')],
  directThreatIds: [],
  revision: 2,
  problems: [],
  ...more,
});

describe('whether a story takes the link of an accepted suggestion', () => {
  it('takes it at the revision the person saw, to a clause it has', () => {
    expect(() => checkStoryTakesLink(story(), { baseRevision: 2, clauseId: 'c1' })).not.toThrow();
    expect(() => checkStoryTakesLink(story(), { baseRevision: 2 })).not.toThrow();
  });

  it('refuses clauses it cannot read, a newer revision, and a clause that is gone', () => {
    expect(() => checkStoryTakesLink(story({ problems: ['broken'] }), { baseRevision: 2 })).toThrow(
      expect.objectContaining({ code: 'INVALID_DATA' }),
    );
    expect(() => checkStoryTakesLink(story({ revision: 3 }), { baseRevision: 2 })).toThrow(
      new AppError('CONFLICT', "Someone else changed this story's WITHOUT clauses. Reload to see their changes."),
    );
    expect(() => checkStoryTakesLink(story(), { baseRevision: 2, clauseId: 'c9' })).toThrow(
      new AppError('CONFLICT', 'The clause you chose is no longer on this story. Reload to see the current clauses.'),
    );
  });
});

describe('the clauses after accepting a suggested threat', () => {
  const { clauses } = story();

  it('links the chosen clause', () => {
    expect(clausesLinkingThreat(clauses, 'kb-3', 'T-5', 'Account takeover')[1]).toEqual(
      clause('kb-3', 'fraud', ['T-5']),
    );
  });

  it('adds a clause named after the threat, with an id no clause has', () => {
    expect(clausesLinkingThreat(clauses, undefined, 'T-5', 'Account takeover')).toEqual([
      ...clauses,
      clause('kb-4', 'account takeover', ['T-5']),
    ]);
  });

  it('links a clause that already has the threat title instead of adding one, and adds nothing when linked', () => {
    expect(clausesLinkingThreat(clauses, undefined, 'T-5', 'Fraud')[1]).toEqual(clause('kb-3', 'fraud', ['T-5']));
    expect(clausesLinkingThreat(clauses, undefined, 'T-1', 'Anything')).toBe(clauses);
    expect(linksThreatAlready(clauses, undefined, 'T-1')).toBe(true);
    expect(linksThreatAlready(clauses, 'kb-3', 'T-1')).toBe(false);
  });

  it('refuses a 51st clause', () => {
    const full = Array.from({ length: 50 }, (_, i) => clause(`c${i}`, `clause ${i}`));
    expect(() => clausesLinkingThreat(full, undefined, 'T-5', 'Account takeover')).toThrow(
      'This story already has 50 WITHOUT clauses; choose one of them to link the threat to.',
    );
  });
});
