import type { Finding } from '../../../../src/domain/audit/finding';
import type { FindingKind, FindingSeverity } from '../../../../src/domain/audit/finding-kinds';

export interface AuditFilters {
  severity: FindingSeverity | 'all';
  kind: FindingKind | 'all';
  text: string;
  showSuppressed: boolean;
}

export const NO_FILTERS: AuditFilters = { severity: 'all', kind: 'all', text: '', showSuppressed: false };

/** The findings the table shows: filters combine; text matches the message, ids and keys. */
export function filterFindings(findings: Finding[], filters: AuditFilters): Finding[] {
  const text = filters.text.trim().toLowerCase();
  return findings.filter(
    (f) =>
      (filters.showSuppressed || !f.suppression) &&
      (filters.severity === 'all' || f.severity === filters.severity) &&
      (filters.kind === 'all' || f.kind === filters.kind) &&
      (!text || f.message.toLowerCase().includes(text) || f.id.toLowerCase().includes(text)),
  );
}
