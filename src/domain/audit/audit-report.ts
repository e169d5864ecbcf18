import type { AuditResult } from './audit-result';
import { SEVERITY_RANK } from './finding';
import type { FindingSeverity } from './finding-kinds';

export { toCsv } from './csv-report';
export { toSarif, type SarifLog, type SarifOptions } from './sarif-report';
export { toTable } from './table-report';

export const toJson = (result: AuditResult): string => `${JSON.stringify(result, null, 2)}\n`;

/** True when an unsuppressed finding at or above `level` exists: a pipeline fails on it. */
export const failsAt = (result: AuditResult, level: FindingSeverity): boolean =>
  result.findings.some((f) => !f.suppression && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[level]);
