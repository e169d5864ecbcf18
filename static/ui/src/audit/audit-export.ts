import type { AuditExport } from '../../../../src/contract';
import type { Envelope } from '../../../../src/domain/common/envelope';
import { callResolver } from '../api/invoke-resolver';
import { downloadFile } from '../common/download-file';

/** Parts asked for at most, and fresh starts after the result changed mid-way. */
const MAX_PARTS = 100;
const ATTEMPTS = 2;

/**
 * The whole file: its first part, then the others (a large project's audit is several answers,
 * each under 1 MB: the tab holds one page of findings), joined. When the result or its
 * suppressions changed between parts (CONFLICT), starts again once.
 */
export async function auditFile(format: 'csv' | 'json'): Promise<Envelope<AuditExport>> {
  for (let attempt = 1; ; attempt++) {
    const first = await callResolver('audit/export', { format });
    if (!first.ok) return first;
    const texts = [first.data.text];
    let failed: Envelope<AuditExport> | undefined;
    for (let index = 1; index < Math.min(first.data.parts, MAX_PARTS); index++) {
      const answer = await callResolver('audit/export', { format, part: { index, digest: first.data.digest } });
      if (!answer.ok) {
        failed = answer;
        break;
      }
      texts.push(answer.data.text);
    }
    if (!failed) return { ok: true, data: { ...first.data, text: texts.join('') } };
    if (failed.ok || failed.error.code !== 'CONFLICT' || attempt >= ATTEMPTS) return failed;
  }
}

/** Saves the audit as a file through the browser (the same CSV and JSON as the command line); answers the failure. */
export async function downloadAudit(format: 'csv' | 'json'): Promise<string | undefined> {
  const file = await auditFile(format);
  if (!file.ok) return file.error.message;
  downloadFile(file.data.fileName, file.data.text, file.data.mimeType);
  return undefined;
}
