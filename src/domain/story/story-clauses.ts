import { z } from 'zod';
import { ThreatId, WithoutClause } from './without-clause';

/** The highest clauses revision believed (2^31 saves of one story will not happen). */
export const MAX_CLAUSES_REVISION = 2 ** 31;

/** A story holds at most this many WITHOUT clauses. */
export const MAX_CLAUSES_PER_STORY = 50;

// The value of the app's "WITHOUT clauses" custom field on a story. `threatIds` and
// `hasClauses` are derived copies kept only so JQL can search them (search aliases).
export const StoryClausesValue = z.object({
  clauses: z.array(WithoutClause).max(MAX_CLAUSES_PER_STORY),
  directThreatIds: z.array(ThreatId).max(100).default([]),
  threatIds: z.array(ThreatId).default([]),
  hasClauses: z.enum(['yes', 'no']).default('no'),
  /**
   * Grows with every save through the app; an edit names the revision it started from. Capped:
   * the story's lock is keyed by it, and past 2^53 a revision + 1 is the revision itself.
   */
  revision: z.number().int().min(0).max(MAX_CLAUSES_REVISION).default(0),
});
export type StoryClausesValue = z.infer<typeof StoryClausesValue>;

export interface StoryClauses {
  clauses: WithoutClause[];
  directThreatIds: string[];
  revision: number;
  /** Why the stored value could not be read; empty when it was fine. */
  problems: string[];
}

/**
 * Reads a stored field value. Anyone can write that value through Jira's REST API, so a bad
 * one is reported as a problem and read as "no clauses", never thrown.
 */
export function readStoryClauses(raw: unknown): StoryClauses {
  if (raw === null || raw === undefined) return { clauses: [], directThreatIds: [], revision: 0, problems: [] };
  const parsed = StoryClausesValue.safeParse(raw);
  if (parsed.success)
    return {
      clauses: parsed.data.clauses,
      directThreatIds: parsed.data.directThreatIds,
      revision: parsed.data.revision,
      problems: [],
    };
  const first = parsed.error.issues[0];
  const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
  // The save that replaces the value keys its lock by this: any revision a save could move from,
  // else 0 (every save of this value agrees on it all the same).
  const stored = (raw as { revision?: unknown }).revision;
  const revision =
    typeof stored === 'number' && Number.isInteger(stored) && stored >= 0 && stored <= MAX_CLAUSES_REVISION
      ? stored
      : 0;
  return {
    clauses: [],
    directThreatIds: [],
    revision,
    problems: [
      `The stored WITHOUT clauses of this story are not valid${where}: ${first?.message ?? 'unknown problem'}. The app keeps it as it is until you restore it from the issue's history or choose to replace it.`,
    ],
  };
}

/** Every threat a story points at, through its clauses or directly. */
export const linkedThreatIds = (clauses: WithoutClause[], directThreatIds: string[]): string[] => [
  ...new Set([...clauses.flatMap((c) => c.threatIds), ...directThreatIds]),
];

/** The value to store: the clauses, plus the copies JQL searches through the field's aliases. */
export function storyClausesValue(
  clauses: WithoutClause[],
  directThreatIds: string[],
  revision: number,
): StoryClausesValue {
  return {
    clauses,
    directThreatIds,
    threatIds: linkedThreatIds(clauses, directThreatIds),
    hasClauses: clauses.length > 0 ? 'yes' : 'no',
    revision,
  };
}
