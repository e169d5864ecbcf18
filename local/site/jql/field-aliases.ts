// Jira Cloud accepts `"Field name".alias` and `cf[10100].alias` for the searchAlias of an
// object custom field, but Atlassian's published grammar does not. Before parsing, such a
// reference is folded into one quoted field name (`"Field name.alias"`), and its start is
// remembered so the compiler knows where to split it again.

export interface AliasRewrite {
  jql: string;
  /** Start offsets (in the rewritten JQL) of fields that carry an alias. */
  aliasedStarts: ReadonlySet<number>;
  toOriginalOffset(offset: number): number;
}

interface FieldToken {
  end: number;
  inner: string;
  quote: string;
}

// An alias counts only in field position: right before an operator.
const ALIAS_BEFORE_OPERATOR = /^\.([A-Za-z_][A-Za-z0-9_]*)(?=\s*(?:!=|!~|=|~|<|>|(?:in|not|is|was|changed)\b))/i;
const CUSTOM_FIELD_ID = /^cf\[\d+\]/i;

export function rewriteFieldAliases(jql: string): AliasRewrite {
  let out = '';
  const aliasedStarts = new Set<number>();
  const shifts: Array<{ at: number; by: number }> = [];
  let i = 0;
  while (i < jql.length) {
    const token = quotedAt(jql, i) ?? customFieldAt(jql, i);
    if (!token) {
      out += jql.charAt(i);
      i += 1;
      continue;
    }
    const alias = ALIAS_BEFORE_OPERATOR.exec(jql.slice(token.end));
    if (!alias) {
      out += jql.slice(i, token.end);
      i = token.end;
      continue;
    }
    const replacement = `${token.quote}${token.inner}.${alias[1] ?? ''}${token.quote}`;
    const original = jql.slice(i, token.end + alias[0].length);
    aliasedStarts.add(out.length);
    if (replacement.length !== original.length)
      shifts.push({ at: out.length, by: replacement.length - original.length });
    out += replacement;
    i = token.end + alias[0].length;
  }
  const toOriginalOffset = (offset: number) =>
    offset - shifts.filter((s) => s.at < offset).reduce((sum, s) => sum + s.by, 0);
  return { jql: out, aliasedStarts, toOriginalOffset };
}

function quotedAt(jql: string, start: number): FieldToken | undefined {
  const quote = jql.charAt(start);
  if (quote !== '"' && quote !== "'") return undefined;
  for (let i = start + 1; i < jql.length; i += 1) {
    const ch = jql.charAt(i);
    if (ch === '\\') i += 1;
    else if (ch === quote) return { end: i + 1, inner: jql.slice(start + 1, i), quote };
  }
  return undefined;
}

function customFieldAt(jql: string, start: number): FieldToken | undefined {
  if (start > 0 && /[\w.]/.test(jql.charAt(start - 1))) return undefined;
  const match = CUSTOM_FIELD_ID.exec(jql.slice(start));
  return match ? { end: start + match[0].length, inner: match[0], quote: '"' } : undefined;
}
