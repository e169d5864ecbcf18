import { MAX_RULE_DEPTH } from './input-limits';

type PathKey = string | number;

interface Visit {
  value: unknown;
  depth: number;
  parent?: Visit;
  /** The keys from the parent's value to this one: ['all', 3] or ['not']. */
  keys: PathKey[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The rules directly inside a rule, with the keys that lead to each. */
function innerRules(rule: unknown): Array<{ keys: PathKey[]; value: unknown }> {
  if (!isObject(rule)) return [];
  const inner: Array<{ keys: PathKey[]; value: unknown }> = [];
  for (const list of ['all', 'any'] as const) {
    const branches = rule[list];
    if (Array.isArray(branches)) branches.forEach((value: unknown, i) => inner.push({ keys: [list, i], value }));
  }
  if ('not' in rule) inner.push({ keys: ['not'], value: rule.not });
  return inner;
}

function pathOf(visit: Visit): PathKey[] {
  const parts: PathKey[][] = [];
  for (let at: Visit | undefined = visit; at; at = at.parent) parts.unshift(at.keys);
  return parts.flat();
}

/**
 * The path (from the rule given) to the first rule nested deeper than `limit` levels, or
 * undefined when none is. Walks with a list instead of recursion: a rule nested 100,000 deep is
 * measured here before zod's recursive schema (or the matcher) would overflow the stack on it.
 * It only looks at all, any and not; whether the rest is a rule is the schema's to say.
 */
export function tooDeepRulePath(rule: unknown, limit = MAX_RULE_DEPTH): PathKey[] | undefined {
  const pending: Visit[] = [{ value: rule, depth: 1, keys: [] }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    if (visit.depth > limit) return pathOf(visit);
    // Pushed last first, so the walk goes in the file's order and names the first rule too deep.
    for (const { keys, value } of innerRules(visit.value).reverse())
      pending.push({ value, depth: visit.depth + 1, parent: visit, keys });
  }
  return undefined;
}
