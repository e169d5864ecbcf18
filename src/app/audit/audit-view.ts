import type { AuditView } from '../../contract';
import type { JiraClients } from '../common/jira-clients';
import { readAuditView } from './read-audit-view';
import { requireAuditor } from './require-auditor';

/** The audit tab, for someone who may browse the project. */
export async function auditView(jira: JiraClients, projectKey: string, accountId: string): Promise<AuditView> {
  await requireAuditor(jira.user, projectKey);
  return readAuditView(jira, projectKey, accountId);
}
