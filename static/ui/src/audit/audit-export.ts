import type { AuditExport } from '../../../../src/contract';
import type { Envelope } from '../../../../src/domain/common/envelope';
import { callResolver } from '../api/invoke-resolver';
import { downloadFile } from '../common/download-file';
import { joinedParts } from '../common/joined-parts';

/**
 * The whole file: a large project's audit is several answers, each under 1 MB (the tab holds one
 * page of findings); a part of a result whose findings or suppressions changed since the first is refused.
 */
export const auditFile = (format: 'csv' | 'json'): Promise<Envelope<AuditExport>> =>
  joinedParts(
    () => callResolver('audit/export', { format }),
    (first, index) => callResolver('audit/export', { format, part: { index, digest: first.digest } }),
  );

/** Saves the audit as a file through the browser (the same CSV and JSON as the command line); answers the failure. */
export async function downloadAudit(format: 'csv' | 'json'): Promise<string | undefined> {
  const file = await auditFile(format);
  if (!file.ok) return file.error.message;
  downloadFile(file.data.fileName, file.data.text, file.data.mimeType);
  return undefined;
}
