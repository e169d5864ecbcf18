import Resolver from '@forge/resolver';
import { z } from 'zod';
import { readAuditState, writeAuditResult, writeAuditStatus, type AuditStatus } from '../jira/audit/audit-repository';
import { auditJiraProject } from '../jira/audit/project-audit';
import { workerAppClient } from '../jira/client/clients';

// The audit as an async event consumer (manifest: consumer audit-consumer, up to 900 s): the
// resolver checked the person and queued the run; this reads the project as the app, writes
// progress as it pages, and stores the result.

export const AUDIT_QUEUE = 'without-audit';
export const AuditEvent = z.object({
  projectKey: z.string().regex(/^[A-Z][A-Z0-9_]{0,49}$/),
  runId: z.string().min(1).max(80),
  requestedBy: z.string().min(1),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** Progress writes at most this often: each is a request, and a 10,000-story audit has 100 pages. */
const PROGRESS_EVERY_MS = 2000;

export async function runAuditJob(
  event: AuditEvent,
  now: () => string = () => new Date().toISOString(),
): Promise<AuditStatus> {
  const app = workerAppClient();
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

const worker = new Resolver();
worker.define('run-audit', async ({ payload }) => {
  const event = AuditEvent.safeParse(payload);
  if (!event.success) {
    console.error('without-audit: an event that is not an audit request was ignored', event.error.issues[0]?.message);
    return;
  }
  await runAuditJob(event.data);
});

export const auditWorker = worker.getDefinitions();
