import type { AsyncEvent } from '@forge/events';
import { AuditEvent } from '../app/audit/audit-queue';
import { runAuditJob } from '../app/audit/run-audit-job';
import { workerAppClient } from '../jira/client/clients';

// The audit as an async event consumer (manifest: consumer audit-consumer, up to 900 s): the
// resolver checked the person and queued the run; the job (src/app/audit/run-audit-job.ts)
// reads the project as the app, writes progress as it pages, and stores the result.

/**
 * The consumer function (manifest: consumer audit-consumer -> function audit-worker). Since
 * @forge/events 2 a consumer is a plain function, not a resolver: Forge calls it with an
 * AsyncEvent, the pushed `body` plus `queueName`, `jobId`, `eventId` and, on a retry,
 * `retryContext`, and the invocation's context as the second argument.
 * https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api-version-2-upgrade
 */
export async function auditWorker(event: AsyncEvent): Promise<void> {
  const request = AuditEvent.safeParse(event?.body);
  if (!request.success) {
    console.error('without-audit: an event that is not an audit request was ignored', request.error.issues[0]?.message);
    return;
  }
  await runAuditJob(workerAppClient(), request.data);
}
