import type { AuditResult } from '../../../../src/domain/audit/audit-result';
import { toCsv, toJson } from '../../../../src/domain/audit/audit-report';
import { downloadFile } from '../common/download-file';

/** Saves the audit as a file through the browser (the same CSV and JSON as the command line). */
export function downloadAudit(result: AuditResult, format: 'csv' | 'json'): void {
  downloadFile(
    `${result.projectKey}-audit-${result.generatedAt.slice(0, 10)}.${format}`,
    format === 'csv' ? toCsv(result) : toJson(result),
    format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json',
  );
}
