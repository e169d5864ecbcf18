import { AppError } from '../common/app-error';
import { MAX_CLAUSES_PER_STORY, type StoryClauses } from '../story/story-clauses';
import { linkThreatToClause } from '../story/link-threat';
import type { WithoutClause } from '../story/without-clause';

export interface ClauseThreatFix {
  issueKey: string;
  clauseId: string;
  threatId: string;
}

/** The fix for "clause linked to no threat": the story's clauses with the threat linked to that clause. */
export function fixClauseWithoutThreat(
  before: Pick<StoryClauses, 'clauses' | 'directThreatIds'>,
  fix: ClauseThreatFix,
): { clauses: WithoutClause[]; directThreatIds: string[] } {
  const clauses = linkThreatToClause(before.clauses, fix.clauseId, fix.threatId);
  if (!clauses)
    throw new AppError('CONFLICT', `${fix.issueKey} no longer has that WITHOUT clause. Run the audit again.`);
  return { clauses, directThreatIds: before.directThreatIds };
}

export interface ThreatLinkRemoval {
  issueKey: string;
  threatId: string;
}

/**
 * The fix for a link to a retired or unknown threat: the story's clauses and direct links without
 * that threat id, and what was removed (clause texts, and whether a direct link), for the message.
 */
export function removeThreatLink(
  before: Pick<StoryClauses, 'clauses' | 'directThreatIds'>,
  removal: ThreatLinkRemoval,
): { clauses: WithoutClause[]; directThreatIds: string[]; fromClauses: string[]; direct: boolean } {
  const { threatId } = removal;
  const fromClauses = before.clauses.filter((c) => c.threatIds.includes(threatId)).map((c) => c.text);
  const direct = before.directThreatIds.includes(threatId);
  if (fromClauses.length === 0 && !direct)
    throw new AppError('CONFLICT', `${removal.issueKey} no longer links ${threatId}. Run the audit again.`);
  return {
    clauses: before.clauses.map((c) =>
      c.threatIds.includes(threatId) ? { ...c, threatIds: c.threatIds.filter((id) => id !== threatId) } : c,
    ),
    directThreatIds: before.directThreatIds.filter((id) => id !== threatId),
    fromClauses,
    direct,
  };
}

export interface StoryClauseFix {
  issueKey: string;
  threatId: string;
  /** An existing clause of the story to link the threat to. */
  clauseId?: string;
  /** Or a new clause, linked to the threat only. */
  newClause?: { id: string; text: string };
}

/**
 * The fix for "threat linked to no story" and for "story threat not covered by a clause": the
 * story's clauses with the threat linked to one of them, an existing clause or a new one. Its
 * direct links stay: a clause that covers a direct link is what the second finding asks for.
 */
export function linkThreatThroughClause(
  before: Pick<StoryClauses, 'clauses' | 'directThreatIds'>,
  fix: StoryClauseFix,
): { clauses: WithoutClause[]; directThreatIds: string[] } {
  const { issueKey, threatId, clauseId, newClause } = fix;
  if (clauseId !== undefined) return fixClauseWithoutThreat(before, { issueKey, clauseId, threatId });
  if (!newClause) throw new AppError('BAD_REQUEST', 'Name the WITHOUT clause to link the threat to.');
  if (before.clauses.some((c) => c.id === newClause.id))
    throw new AppError('CONFLICT', `${issueKey} already has a clause with that id. Try again.`);
  if (before.clauses.length >= MAX_CLAUSES_PER_STORY)
    throw new AppError(
      'BAD_REQUEST',
      `${issueKey} already has ${MAX_CLAUSES_PER_STORY} WITHOUT clauses, the most a story can have: link the threat to one of them.`,
    );
  const clause: WithoutClause = { id: newClause.id, text: newClause.text, threatIds: [threatId] };
  return { clauses: [...before.clauses, clause], directThreatIds: before.directThreatIds };
}
