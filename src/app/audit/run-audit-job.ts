import {
  readAuditState,
  writeAuditResult,
  writeAuditStatus,
  type AuditStatus,
} from '../../jira/audit/audit-repository';
import { auditJiraProject } from '../../jira/audit/project-audit';
import type { JiraClient } from '../../jira/client/jira-client';
import type { AuditEvent } from './audit-queue';
import { nowIso } from '../common/clock';

/** Progress writes at most this often: each is a request, and a 10,000-story audit has 100 pages. */
const PROGRESS_EVERY_MS = 2000;

/**
 * One queued audit run, as the app: skipped when a newer run replaced it; progress written as
 * the project is read, then the result (or the failure) stored for the tab.
 */
export async function runAuditJob(
  app: JiraClient,
  event: AuditEvent,
  now: () => string = nowIso,
): Promise<AuditStatus> {
  const { status: stored, suppressions } = await readAuditState(app, event.projectKey);
  if (stored && stored.runId !== event.runId) return stored; // a newer run replaced this one
  const startedAt = now();
  let status: AuditStatus = {
    v: 1,
    state: 'running',
    runId: event.runId,
    requestedBy: event.requestedBy,
    startedAt,
    updatedAt: startedAt,
    progress: { stage: 'model', stories: 0, tasks: 0 },
    ...(stored?.complete ? { complete: stored.complete } : {}),
  };
  await writeAuditStatus(app, event.projectKey, status);
  let lastWrite = Date.now();
  try {
    const result = await auditJiraProject(app, event.projectKey, {
      now: startedAt,
      suppressions,
      ...(event.reconcileIssues ? { reconcileIssues: event.reconcileIssues } : {}),
      onProgress: async (progress) => {
        status = { ...status, progress, updatedAt: now() };
        if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
        lastWrite = Date.now();
        // Progress is only shown to people waiting: a write Jira refuses now must not fail the run.
        await writeAuditStatus(app, event.projectKey, status).catch((error: unknown) =>
          console.warn(`without-audit: progress not written (${String(error)})`),
        );
      },
    });
    return await writeAuditResult(app, event.projectKey, status, result, now());
  } catch (error) {
    const failed: AuditStatus = {
      ...status,
      state: 'failed',
      updatedAt: now(),
      error: error instanceof Error ? error.message : String(error),
    };
    await writeAuditStatus(app, event.projectKey, failed);
    return failed;
  }
}
