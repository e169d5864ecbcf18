import type { AuditResult } from '../../../../src/domain/audit/audit-result';
import { toCsv, toJson } from '../../../../src/domain/audit/audit-report';

/** Saves the audit as a file through the browser (the same CSV and JSON as the command line). */
export function downloadAudit(result: AuditResult, format: 'csv' | 'json'): void {
  const text = format === 'csv' ? toCsv(result) : toJson(result);
  const blob = new Blob([text], { type: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${result.projectKey}-audit-${result.generatedAt.slice(0, 10)}.${format}`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
