import { createHash } from 'node:crypto';
import type { AuditExport, AuditExportQuery } from '../../contract';
import { withSuppressions } from '../../domain/audit/audit';
import { toCsv, toJson } from '../../domain/audit/audit-report';
import { AppError } from '../../domain/common/app-error';
import { textPart } from '../../domain/report/document-parts';
import { readStoredAudit } from '../../jira/audit/audit-repository';
import type { JiraClients } from '../common/jira-clients';
import { requireAuditor } from './require-auditor';

const CHANGED =
  'The audit result or its suppressions changed while the file was being made, so its parts do not fit together. Export it again.';

/**
 * The last audit as a file, the command line's CSV or JSON with today's suppressions, in parts
 * the browser joins: the tab's view carries one page of findings, and a 5,000-threat project's
 * whole result is megabytes. Every part renders the whole file from the stored result and hands
 * out its slice (each answer under 1 MB); a part of a file that renders differently (another
 * run, a suppression since the first part) is refused, never joined to the others.
 * The status and suppressions, then the result (two round trips), beside the browse check.
 */
export async function exportAudit(
  jira: JiraClients,
  projectKey: string,
  query: AuditExportQuery,
): Promise<AuditExport> {
  const read = readStoredAudit(jira.user, projectKey);
  read.catch(() => undefined); // the check's refusal comes first
  await requireAuditor(jira, projectKey);
  const stored = await read;
  if (!stored.result) throw new AppError('NOT_FOUND', `${projectKey} has no audit result to export: run the audit.`);
  const result = withSuppressions(stored.result, stored.suppressions);
  const text = query.format === 'csv' ? toCsv(result) : toJson(result);
  const digest = createHash('sha256').update(text).digest('hex');
  if (query.part && query.part.digest !== digest) throw new AppError('CONFLICT', CHANGED);
  const index = query.part?.index ?? 0;
  const part = textPart(text, index);
  if (!part) throw new AppError('BAD_REQUEST', `The audit file has no part ${index + 1}.`);
  return {
    fileName: `${result.projectKey}-audit-${result.generatedAt.slice(0, 10)}.${query.format}`,
    mimeType: query.format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json',
    text: part.text,
    part: index,
    parts: part.parts,
    digest,
  };
}
