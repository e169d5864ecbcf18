import type { AuditProgress, AuditView } from '../../contract';
import { auditRunView } from '../../domain/audit/audit-run';
import type { FindingsQuery } from '../../domain/audit/finding-page';
import { readAuditState } from '../../jira/audit/audit-repository';
import type { JiraClients } from '../common/jira-clients';
import { readAuditView } from './read-audit-view';
import { requireAuditor } from './require-auditor';

/**
 * The audit tab, for someone who may browse the project. The view is read (as the person) while
 * the check is, and answered only once it passed.
 */
export async function auditView(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  query: FindingsQuery = {},
): Promise<AuditView> {
  const view = readAuditView(jira, projectKey, accountId, query);
  view.catch(() => undefined); // the check's refusal comes first
  await requireAuditor(jira, projectKey);
  return view;
}

/**
 * The run's progress alone: one small property read (with the check, in parallel), where the
 * view reads the whole stored result (megabytes at tens of thousands of stories) every poll.
 */
export async function auditProgress(jira: JiraClients, projectKey: string): Promise<AuditProgress> {
  const state = readAuditState(jira.user, projectKey);
  state.catch(() => undefined); // the check's refusal comes first
  await requireAuditor(jira, projectKey);
  const { status } = await state;
  return { run: auditRunView(status, Date.now()), completedAt: status?.complete?.finishedAt ?? null };
}
