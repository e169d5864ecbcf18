import type { AuditView } from '../../contract';
import type { FindingsQuery } from '../../domain/audit/finding-page';
import type { JiraClients } from '../common/jira-clients';
import type { AuditQueue } from './audit-queue';
import { queueAuditRun } from './queue-audit-run';
import { readAuditView } from './read-audit-view';
import { requireAuditor } from './require-auditor';

/** "Run audit": queues a run (unless one is under way) for someone who may browse the project. */
export async function startAudit(
  jira: JiraClients,
  queue: AuditQueue,
  projectKey: string,
  accountId: string,
  view?: FindingsQuery,
): Promise<AuditView> {
  await requireAuditor(jira, projectKey);
  await queueAuditRun(jira.app, queue, projectKey, accountId);
  return readAuditView(jira, projectKey, accountId, view);
}
