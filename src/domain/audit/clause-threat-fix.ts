import { AppError } from '../common/app-error';
import type { StoryClauses } from '../story/story-clauses';
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
