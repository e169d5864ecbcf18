import { MAX_RULE_DEPTH, RULE_DEPTH_REASON } from './input-limits';
import { KB_FORMAT, KnowledgeBase, Rule } from './knowledge-base';
import { tooDeepRulePath } from './rule-depth';

/** A rule `depth` levels deep: `all` (or `not`) around `all` ... around a words rule. */
function nested(depth: number, wrap: 'all' | 'not' = 'all'): unknown {
  let rule: unknown = { words: ['card'] };
  for (let level = 1; level < depth; level += 1) rule = wrap === 'all' ? { all: [rule] } : { not: rule };
  return rule;
}

describe('the depth of a rule', () => {
  it(`is at most ${MAX_RULE_DEPTH} levels of all, any and not`, () => {
    expect(Rule.safeParse(nested(MAX_RULE_DEPTH)).success).toBe(true);
    expect(Rule.safeParse(nested(MAX_RULE_DEPTH + 1, 'not')).error?.issues).toEqual([
      expect.objectContaining({ code: 'custom', message: RULE_DEPTH_REASON, path: [] }),
    ]);
  });

  it('is measured without recursion, so 100,000 levels are one issue rather than a stack overflow', () => {
    const deep = nested(100_000);
    expect(() => Rule.safeParse(deep)).not.toThrow();
    expect(Rule.safeParse(deep).error?.issues).toHaveLength(1);
  });

  it('names the path to the first rule past the limit, in the order of the file', () => {
    // Levels: the any, then 2 and 4 below it; the 4th level is two "all" into the last branch.
    const rule = { any: [{ words: ['card'] }, nested(2), nested(4)] };
    expect(tooDeepRulePath(rule, 3)).toEqual(['any', 2, 'all', 0, 'all', 0]);
    expect(tooDeepRulePath(rule, 5)).toBeUndefined();
  });

  it('is checked wherever a knowledge base is read, as an issue at the rule', () => {
    const kb = {
      format: KB_FORMAT,
      id: 'team',
      name: 'Team',
      version: '1',
      source: { format: 'without' },
      mitigations: [],
      threats: [
        { id: 'T1', title: 'Card numbers leak', stride: ['I'], probability: 3, impact: 3, appliesWhen: nested(2_000) },
      ],
    };
    expect(KnowledgeBase.safeParse(kb).error?.issues).toEqual([
      expect.objectContaining({ path: ['threats', 0, 'appliesWhen'], message: RULE_DEPTH_REASON }),
    ]);
  });
});
