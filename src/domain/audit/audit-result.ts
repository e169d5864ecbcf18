import { z } from 'zod';
import { Finding } from './finding';
import { StoryCoverage } from './story-coverage';
import { AuditRisk } from './audit-risk';
import { FINDING_KINDS, FINDING_SEVERITIES, type FindingKind, type FindingSeverity } from './finding-kinds';

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

const Count = z.number().int().min(0);

/**
 * Counts by each key; a key missing from a stored result counts 0, so a result stored before a
 * kind existed still reads (the next run counts it).
 */
const countsBy = <K extends string>(keys: readonly [K, ...K[]]) =>
  z.partialRecord(z.enum(keys), Count).transform((counts): Record<K, number> => ({ ...zeros(keys), ...counts }));

export const AuditCounts = z.object({ byKind: countsBy(FINDING_KINDS), bySeverity: countsBy(FINDING_SEVERITIES) });
export type AuditCounts = z.infer<typeof AuditCounts>;

// Schema first: the last result is stored in project properties, which are input (anyone with
// project admin can write them); the store parses it with this after inflating it.
export const AuditResult = z.object({
  projectKey: z.string(),
  generatedAt: z.string(),
  /** All findings, suppressed ones too (with `suppression` set), most severe first. */
  findings: z.array(Finding),
  /** Of the unsuppressed findings only. */
  counts: AuditCounts,
  totals: z.object({ findings: Count, suppressed: Count }),
  /** Suppressions whose finding no longer exists. */
  staleSuppressions: z.array(z.string()),
  scanned: z.object({ stories: Count, threats: Count, mitigations: Count, tasks: Count }),
  /** Counted stories with WITHOUT clauses out of those that need them; absent in results stored before it existed. */
  coverage: StoryCoverage.optional(),
  /** The project's risk against its tolerance; absent in results stored before it existed. */
  risk: AuditRisk.optional(),
  /** Issues under a security level the app's run left out (see withoutRestrictedIssues); absent: none. */
  restrictedLeftOut: Count.optional(),
});
export type AuditResult = z.infer<typeof AuditResult>;

export function countFindings(findings: Finding[]): AuditCounts {
  const counts: AuditCounts = {
    byKind: zeros<FindingKind>(FINDING_KINDS),
    bySeverity: zeros<FindingSeverity>(FINDING_SEVERITIES),
  };
  for (const f of findings) {
    if (f.suppression) continue;
    counts.byKind[f.kind] += 1;
    counts.bySeverity[f.severity] += 1;
  }
  return counts;
}
