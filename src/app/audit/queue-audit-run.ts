import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/common/app-error';
import { isRunLive } from '../../domain/audit/audit-run';
import { readAuditState, writeAuditStatus, type AuditStatus } from '../../jira/audit/audit-repository';
import type { JiraClient } from '../../jira/client/jira-client';
import type { AuditEvent, AuditQueue } from './audit-queue';
import { nowIso, nowMs } from '../common/clock';

/**
 * Queues a run unless one is under way; the queue's consumer does the work. The caller checked
 * the person (requireAuditor, or a check that implies it).
 */
export async function queueAuditRun(
  app: JiraClient,
  queue: AuditQueue,
  projectKey: string,
  accountId: string,
  /** Ids of issues this call just wrote, which the run's search must show as they are now. */
  justWritten: string[] = [],
): Promise<void> {
  const { status } = await readAuditState(app, projectKey);
  // The app's clock, as the worker stamps the run with it (see clock.ts).
  if (isRunLive(status, nowMs())) return;
  const now = nowIso();
  const runId = randomUUID();
  const queued: AuditStatus = {
    v: 1,
    state: 'queued',
    runId,
    requestedBy: accountId,
    startedAt: now,
    updatedAt: now,
    progress: { stage: 'queued', stories: 0, tasks: 0 },
    ...(status?.complete ? { complete: status.complete } : {}),
  };
  await writeAuditStatus(app, projectKey, queued);
  const event: AuditEvent = {
    projectKey,
    runId,
    requestedBy: accountId,
    ...(justWritten.length > 0 ? { reconcileIssues: justWritten.slice(0, 50) } : {}),
  };
  try {
    await queue.push(event);
  } catch (error) {
    // Forge did not take the job (its queue is rate-limited or failing): a run left "queued"
    // would block the next one until it times out, so it is marked failed and said so.
    console.warn(`without-audit: the run could not be queued (${String(error)})`);
    await writeAuditStatus(app, projectKey, {
      ...queued,
      state: 'failed',
      updatedAt: nowIso(),
      error: 'The audit could not be queued.',
    });
    throw new AppError(
      'JIRA_UNAVAILABLE',
      'The audit could not be started: Forge did not take the job. Try again in a moment.',
    );
  }
}
