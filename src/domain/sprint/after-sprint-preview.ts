import type { AfterSprintEffect } from './sprint-view';

/**
 * The project's risk after the sprint if the chosen work were pulled in too: the same number the
 * sprint view shows as "after this sprint" once that work is in the sprint (every task in the
 * sprint done, residual risk as residual-risk.ts defines it). Each chosen piece of work leaves a
 * share of each threat it lowers; shares of one threat multiply, as independent controls do.
 */
export function afterSprintWith(afterSprint: number, chosen: Array<{ effects: AfterSprintEffect[] }>): number {
  const byThreat = new Map<string, { afterSprint: number; leaves: number }>();
  for (const item of chosen)
    for (const effect of item.effects) {
      const seen = byThreat.get(effect.threatId);
      if (seen) seen.leaves *= effect.leaves;
      else byThreat.set(effect.threatId, { afterSprint: effect.afterSprint, leaves: effect.leaves });
    }
  let lowered = 0;
  for (const { afterSprint: threatRisk, leaves } of byThreat.values()) lowered += threatRisk * (1 - leaves);
  // Sums of products drift in the last bits; risk never goes below nothing.
  return Math.max(0, afterSprint - lowered);
}
