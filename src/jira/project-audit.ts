import { auditProject } from '../domain/audit/audit';
import type { AuditResult } from '../domain/audit/audit-result';
import type { Suppression } from '../domain/audit/suppression';
import { readAuditInput, type AuditReadProgress } from './audit-source';
import { readAuditState } from './audit-store';
import type { JiraClient } from './jira-client';

/**
 * Audits a project: reads it (paged JQL, see readAuditInput) and runs the pure audit with the
 * project's suppressions. The app's worker and the command line both come through here.
 */
export async function auditJiraProject(
  client: JiraClient,
  projectKey: string,
  options: { now: string; suppressions?: Suppression[]; onProgress?: (progress: AuditReadProgress) => void | Promise<void> },
): Promise<AuditResult> {
  const suppressions = options.suppressions ?? (await readAuditState(client, projectKey)).suppressions;
  const input = await readAuditInput(client, projectKey, { now: options.now, suppressions, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  return auditProject(input);
}
