import type { AuditView } from '../../contract';
import type { JiraClients } from '../common/jira-clients';
import { readAuditView } from './read-audit-view';
import { requireAuditor } from './require-auditor';

/**
 * The audit tab, for someone who may browse the project. The view is read (as the person) while
 * the check is, and answered only once it passed.
 */
export async function auditView(jira: JiraClients, projectKey: string, accountId: string): Promise<AuditView> {
  const view = readAuditView(jira, projectKey, accountId);
  view.catch(() => undefined); // the check's refusal comes first
  await requireAuditor(jira, projectKey);
  return view;
}
