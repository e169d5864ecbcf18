import type { Finding } from './finding';
import { FINDING_KINDS, FINDING_SEVERITIES, type FindingKind, type FindingSeverity } from './finding-kinds';

export interface AuditCounts {
  byKind: Record<FindingKind, number>;
  bySeverity: Record<FindingSeverity, number>;
}

export interface AuditResult {
  projectKey: string;
  generatedAt: string;
  /** All findings, suppressed ones too (with `suppression` set), most severe first. */
  findings: Finding[];
  /** Of the unsuppressed findings only. */
  counts: AuditCounts;
  totals: { findings: number; suppressed: number };
  /** Suppressions whose finding no longer exists. */
  staleSuppressions: string[];
  scanned: { stories: number; threats: number; mitigations: number; tasks: number };
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function countFindings(findings: Finding[]): AuditCounts {
  const counts = { byKind: zeros(FINDING_KINDS), bySeverity: zeros(FINDING_SEVERITIES) };
  for (const f of findings) {
    if (f.suppression) continue;
    counts.byKind[f.kind] += 1;
    counts.bySeverity[f.severity] += 1;
  }
  return counts;
}
