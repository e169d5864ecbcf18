import { AppError } from '../common/app-error';
import { checkClausesRevision } from '../story/clauses-revision';
import { linkThreatToClause } from '../story/link-threat';
import { MAX_CLAUSES_PER_STORY, type StoryClauses } from '../story/story-clauses';
import type { WithoutClause } from '../story/without-clause';
import { clauseTextFor } from './accept';

// Accepting a suggestion links its threat to the story: to the clause the person chose, or to a
// clause named after the threat. These are the rules of that link; the threat itself is added
// by acceptThreatTemplate (./accept).

const CLAUSE_GONE = 'The clause you chose is no longer on this story. Reload to see the current clauses.';

/** Checked before the threat is added, so a refused link leaves the model as it was. */
export function checkStoryTakesLink(before: StoryClauses, link: { baseRevision: number; clauseId?: string }): void {
  if (before.problems.length > 0)
    throw new AppError(
      'INVALID_DATA',
      "This story's stored WITHOUT clauses cannot be read, so no threat can be linked to it until they are restored or replaced in the story panel.",
    );
  checkClausesRevision(before.revision, link.baseRevision);
  if (link.clauseId !== undefined && !before.clauses.some((c) => c.id === link.clauseId))
    throw new AppError('CONFLICT', CLAUSE_GONE);
}

/** Whether the story links the threat already where the person asked: nothing to write. */
export const linksThreatAlready = (
  clauses: WithoutClause[],
  clauseId: string | undefined,
  threatId: string,
): boolean =>
  clauseId !== undefined
    ? clauses.some((c) => c.id === clauseId && c.threatIds.includes(threatId))
    : clauses.some((c) => c.threatIds.includes(threatId));

/** The clauses after linking the threat: to the chosen clause, or to a new one named after it. */
export function clausesLinkingThreat(
  clauses: WithoutClause[],
  clauseId: string | undefined,
  threatId: string,
  title: string,
): WithoutClause[] {
  if (clauseId !== undefined) {
    const linked = linkThreatToClause(clauses, clauseId, threatId);
    if (!linked) throw new AppError('CONFLICT', CLAUSE_GONE);
    return linked;
  }
  if (clauses.some((c) => c.threatIds.includes(threatId))) return clauses;
  const text = clauseTextFor(title);
  const same = clauses.find((c) => c.text.trim().toLowerCase() === text.toLowerCase());
  if (same) return clauses.map((c) => (c === same ? { ...c, threatIds: [...c.threatIds, threatId] } : c));
  if (clauses.length >= MAX_CLAUSES_PER_STORY)
    throw new AppError(
      'BAD_REQUEST',
      `This story already has ${MAX_CLAUSES_PER_STORY} WITHOUT clauses; choose one of them to link the threat to.`,
    );
  const ids = new Set(clauses.map((c) => c.id));
  let n = clauses.length + 1;
  while (ids.has(`kb-${n}`)) n += 1;
  return [...clauses, { id: `kb-${n}`, text, threatIds: [threatId] }];
}
