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
