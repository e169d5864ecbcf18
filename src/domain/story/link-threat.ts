import type { WithoutClause } from './without-clause';

/** The clauses with the threat linked to clause `clauseId`; undefined when the story has no such clause. */
export function linkThreatToClause(
  clauses: WithoutClause[],
  clauseId: string,
  threatId: string,
): WithoutClause[] | undefined {
  if (!clauses.some((c) => c.id === clauseId)) return undefined;
  return clauses.map((c) =>
    c.id === clauseId && !c.threatIds.includes(threatId) ? { ...c, threatIds: [...c.threatIds, threatId] } : c,
  );
}
