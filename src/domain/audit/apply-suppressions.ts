import type { Finding } from './finding';
import type { Suppression } from './suppression';

/** Marks suppressed findings; suppressions whose finding is gone are stale, so the UI can drop them. */
export function applySuppressions(
  findings: Finding[],
  suppressions: Suppression[],
): { findings: Finding[]; stale: string[] } {
  const byId = new Map(suppressions.map((s) => [s.findingId, s]));
  const ids = new Set(findings.map((f) => f.id));
  return {
    findings: findings.map((f) => {
      const suppression = byId.get(f.id);
      return suppression ? { ...f, suppression } : f;
    }),
    stale: [...byId.keys()].filter((id) => !ids.has(id)),
  };
}
