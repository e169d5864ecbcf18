import type { AuditResult } from './audit-result';
import { SEVERITY_RANK } from './finding';
import type { FindingSeverity } from './finding-kinds';
import { isErrorKind } from '../threat-model/exposure-tier';

export { toCsv } from './csv-report';
export { toSarif, type SarifLog, type SarifOptions } from './sarif-report';
export { toTable } from './table-report';

export const toJson = (result: AuditResult): string => `${JSON.stringify(result, null, 2)}\n`;

/** True when an unsuppressed finding at or above `level` exists: a pipeline fails on it. */
export const failsAt = (result: AuditResult, level: FindingSeverity): boolean =>
  result.findings.some((f) => !f.suppression && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[level]);

/** True when the project's risk now is above the risk it tolerates (see exposure-tier). */
export const failsOnTolerance = (result: AuditResult): boolean => result.risk?.aboveTolerance === true;

/** True when an unsuppressed finding is of a kind the project's exposure tier counts as an error. */
export const failsOnErrors = (result: AuditResult): boolean =>
  result.findings.some((f) => !f.suppression && isErrorKind(result.risk?.tier ?? 'standard', f.kind));
