import { z } from 'zod';

// Which stories count for coverage and "story needs threat modeling": issues of these types,
// optionally narrowed by a JQL the project writes. The JQL is always read inside
// `project = X AND (...)`, so its shape is checked here: it must not close that parenthesis,
// leave a quote open, or bring its own ORDER BY, or it could reach beyond the project.
// JQL also reads a backslash escape in an unquoted word (`a\"` is the word a"), which would let
// a quote or parenthesis hide from this check; a backslash is therefore taken only inside quotes.

export const MAX_SCOPE_JQL = 1000;

/** Why a scope JQL cannot be wrapped safely, or undefined when it can (Jira checks the rest when it runs). */
export function scopeJqlProblem(jql: string): string | undefined {
  let depth = 0;
  let quote: string | undefined;
  let outside = '';
  for (let i = 0; i < jql.length; i++) {
    const ch = jql[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
      outside += ' ';
      continue;
    }
    if (ch === '\\') return 'The JQL may use a backslash only inside quotes ("...").';
    if (ch === '"' || ch === "'") {
      quote = ch;
      outside += ' ';
      continue;
    }
    // Control characters (line breaks included) have no place in one clause of JQL.
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return 'The JQL may not hold control characters or line breaks.';
    if (ch === '(') depth++;
    if (ch === ')' && --depth < 0) return 'The JQL closes a parenthesis it did not open.';
    outside += ch;
  }
  if (quote) return `The JQL leaves a quote (${quote}) open.`;
  if (depth > 0) return 'The JQL leaves a parenthesis open.';
  if (/\border\s+by\b/i.test(outside))
    return 'The JQL may not have ORDER BY: it only chooses stories, the app orders them.';
  return undefined;
}

export const ScopeJql = z
  .string()
  .trim()
  .max(MAX_SCOPE_JQL, `The JQL is at most ${MAX_SCOPE_JQL} characters`)
  .superRefine((jql, ctx) => {
    const problem = scopeJqlProblem(jql);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const StoryCoverageSettings = z.object({
  /** Issue types whose issues are stories (compared without regard to case). */
  issueTypeNames: z
    .array(z.string().trim().min(1).max(60))
    .min(1, 'Pick at least one issue type')
    .max(20, 'Pick at most 20 issue types'),
  /** Optional JQL ANDed with the project: only stories it finds count. Empty: every story. */
  scopeJql: ScopeJql,
});
export type StoryCoverageSettings = z.infer<typeof StoryCoverageSettings>;

export const DEFAULT_STORY_COVERAGE_SETTINGS: StoryCoverageSettings = { issueTypeNames: ['Story'], scopeJql: '' };

/** Whether an issue of this type is a story under the settings. */
export const isCountedType = (issueType: string, settings: StoryCoverageSettings): boolean =>
  settings.issueTypeNames.some((name) => name.trim().toLowerCase() === issueType.trim().toLowerCase());
