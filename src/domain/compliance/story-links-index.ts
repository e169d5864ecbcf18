import { z } from 'zod';
import { linkedThreatIds, readStoryClauses } from '../story/story-clauses';
import type { ClauseEvidence } from './clause-evidence';

// Which stories link which threats, and how many carry WITHOUT clauses: what the Compliance tab
// and the report say about the backlog. Reading it means reading every story with clauses,
// which a resolver cannot afford past a few pages (100 search pages at 10,000 stories, past
// Forge's 25 s at 200 ms a request), so the audit, which reads every story anyway in its worker,
// stores this index beside its result and the views read it back in one request. Small projects
// build it live from one search page with the same function.

const Count = z.number().int().min(0);
/** Threat ids as the model makes them; a stored key such as `__proto__` is refused, not assigned. */
const ThreatId = z.string().regex(/^T-\d{1,9}$/);
const IssueKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,49}-\d{1,12}$/);

// Schema first: the index is stored in project properties, which anyone with project admin can
// write, so it is input: parsed, bounded, and its keys checked against the project on use.
export const StoryLinksIndex = z.object({
  v: z.literal(1),
  evidence: z.object({ stories: Count, storiesWithClauses: Count, clauses: Count, linkedClauses: Count }),
  /** Story keys by threat id, as pairs (never an object keyed by stored text), keys in number order. */
  byThreat: z.array(z.tuple([ThreatId, z.array(IssueKey)])),
});
export type StoryLinksIndex = z.infer<typeof StoryLinksIndex>;

/** A story as the index reads it: its key and its field's raw value (input: parsed here). */
export interface IndexedStory {
  key: string;
  clausesValue: unknown;
}

/** PAY-2 before PAY-10. */
const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** The index of these stories: each counted once by key (a paged search can answer one twice). */
export function indexStoryLinks(stories: IndexedStory[]): StoryLinksIndex {
  const byThreat = new Map<string, string[]>();
  const evidence: ClauseEvidence = { stories: 0, storiesWithClauses: 0, clauses: 0, linkedClauses: 0 };
  for (const story of new Map(stories.map((s) => [s.key, s])).values()) {
    const { clauses, directThreatIds } = readStoryClauses(story.clausesValue);
    evidence.stories += 1;
    if (clauses.length > 0) evidence.storiesWithClauses += 1;
    evidence.clauses += clauses.length;
    evidence.linkedClauses += clauses.filter((c) => c.threatIds.length > 0).length;
    for (const id of linkedThreatIds(clauses, directThreatIds)) {
      const keys = byThreat.get(id);
      if (keys) keys.push(story.key);
      else byThreat.set(id, [story.key]);
    }
  }
  return {
    v: 1,
    evidence,
    byThreat: [...byThreat]
      .filter(([id]) => ThreatId.safeParse(id).success)
      .map(([id, keys]) => [id, keys.sort(byNumber)] as [string, string[]]),
  };
}

/** Story keys by threat id, only the project's own (a stored index is input). */
export function storiesByThreatOf(index: StoryLinksIndex, projectKey: string): Map<string, string[]> {
  const prefix = `${projectKey}-`;
  return new Map(index.byThreat.map(([id, keys]) => [id, keys.filter((k) => k.startsWith(prefix))]));
}
