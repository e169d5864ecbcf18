import { z } from 'zod';
import type { KnowledgeBase } from '../knowledge-base/knowledge-base';
import type { StoryContext } from '../knowledge-base/rule-match';
import { suggestThreats, type SuggestionMode } from '../knowledge-base/suggest';
import type { Severity } from '../threat-model/severity';

// Which stories need threat modeling, and how many of them have it: a story counts (its issue
// type and the project's scope say so) and either has WITHOUT clauses or is matched by the
// rules of the project's active knowledge bases. Coverage = stories with clauses / stories
// that need them.

/** The knowledge bases whose rules say which stories need modeling, and the list they suggest from. */
export interface StoryRules {
  knowledgeBases: KnowledgeBase[];
  mode: SuggestionMode;
}

export interface MatchedTemplate {
  id: string;
  title: string;
  severity: Severity;
}

export interface ModelingNeed {
  /** The templates whose rules match, most severe first. */
  templates: MatchedTemplate[];
  /** Why, each once, e.g. `summary mentions "password"`. */
  reasons: string[];
}

/** The templates that match a story, as "Suggest threats" would list them; undefined when none does. */
export function modelingNeed(story: StoryContext, rules: StoryRules): ModelingNeed | undefined {
  // A catch-all rule (it matches any story) says nothing about this one: only specific matches
  // make a story need threat modeling, or every story would with such a library on.
  const suggestions = suggestThreats({
    knowledgeBases: rules.knowledgeBases,
    mode: rules.mode,
    story,
    existing: [],
  }).filter((s) => !s.generic);
  if (suggestions.length === 0) return undefined;
  // Suggestions come best match first; a need names the most severe.
  const bySeverity = [...suggestions].sort(
    (a, b) =>
      b.severity.score - a.severity.score ||
      a.template.title.localeCompare(b.template.title) ||
      a.knowledgeBaseId.localeCompare(b.knowledgeBaseId),
  );
  return {
    templates: bySeverity.map((s) => ({ id: s.template.id, title: s.template.title, severity: s.severity })),
    reasons: [...new Set(suggestions.flatMap((s) => s.reasons))],
  };
}

export const StoryCoverage = z.object({
  /** Counted stories that have at least one WITHOUT clause. */
  withClauses: z.number().int().min(0),
  /** Counted stories that have clauses or that the rules match. */
  needing: z.number().int().min(0),
});
export type StoryCoverage = z.infer<typeof StoryCoverage>;

/** A counted story as coverage sees it. */
export interface CoverageEntry {
  hasClauses: boolean;
  matched: boolean;
}

export function storyCoverage(entries: CoverageEntry[]): StoryCoverage {
  let withClauses = 0;
  let needing = 0;
  for (const e of entries) {
    if (e.hasClauses) withClauses++;
    if (e.hasClauses || e.matched) needing++;
  }
  return { withClauses, needing };
}

/** Whole percent, rounded down so that 99.6% never reads as done; undefined when no story needs a clause. */
export const coveragePercent = (c: StoryCoverage): number | undefined =>
  c.needing === 0 ? undefined : Math.floor((c.withClauses / c.needing) * 100);

/** "9 of 18 stories (50%)", or "no story needs a WITHOUT clause". */
export function coverageText(c: StoryCoverage): string {
  const percent = coveragePercent(c);
  if (percent === undefined) return 'no story needs a WITHOUT clause';
  return `${c.withClauses} of ${c.needing} ${c.needing === 1 ? 'story' : 'stories'} (${percent}%)`;
}
