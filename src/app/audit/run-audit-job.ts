import {
  readAuditState,
  writeAuditResult,
  writeAuditStatus,
  type AuditStatus,
} from '../../jira/audit/audit-repository';
import { auditAndIndexJiraProject } from '../../jira/audit/project-audit';
import type { JiraClient } from '../../jira/client/jira-client';
import type { AuditEvent } from './audit-queue';
import type { AuditResult } from '../../domain/audit/audit-result';
import { coveragePercent } from '../../domain/audit/story-coverage';
import { dayOf } from '../../domain/threat-model/risk-history';
import { saveRiskPoint } from '../../jira/threat-model/risk-history-repository';
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
    const { result, storyIndex } = await auditAndIndexJiraProject(app, event.projectKey, {
      now: startedAt,
      suppressions,
      shared: true,
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
    // The story index goes with the result: the Compliance tab and the report read it (see story-links-index).
    const written = await writeAuditResult(app, event.projectKey, status, result, now(), storyIndex);
    await recordAuditPoint(app, event.projectKey, result, startedAt);
    return written;
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

/**
 * The day's point of the risk history with the audit's risk and story coverage, so the chart's
 * history shows coverage too. Bookkeeping after the result is stored: a failure is logged, the
 * run stays done.
 */
async function recordAuditPoint(app: JiraClient, projectKey: string, result: AuditResult, at: string): Promise<void> {
  if (!result.risk) return;
  const coverage = result.coverage ? coveragePercent(result.coverage) : undefined;
  const point = {
    date: dayOf(at),
    now: result.risk.now,
    planned: result.risk.planned,
    ...(coverage === undefined ? {} : { coverage }),
  };
  await saveRiskPoint(app, projectKey, point).catch((error: unknown) =>
    console.warn(`without-audit: the risk point of ${projectKey} was not recorded (${String(error)})`),
  );
}
