import { Queue } from '@forge/events';
import { z } from 'zod';

// The audit runs in a queue consumer (manifest: consumer audit-consumer, up to 900 s): a use
// case checks the person and pushes this event; the consumer reads the project as the app.

export const AUDIT_QUEUE = 'without-audit';
export const AuditEvent = z.object({
  projectKey: z.string().regex(/^[A-Z][A-Z0-9_]{0,49}$/),
  runId: z.string().min(1).max(80),
  requestedBy: z.string().min(1),
  /**
   * Issues written just before the run was queued (the "link a threat" fix): Jira's search may
   * not show the write yet, so the run asks it to reconcile them (at most 50 ids).
   */
  reconcileIssues: z.array(z.string().regex(/^\d+$/)).max(50).optional(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** Where a run is queued: Forge's queue in the app, a fake in tests. */
export interface AuditQueue {
  push(event: AuditEvent): Promise<void>;
}

/** Forge's queue of audit runs; the Queue is made on push, so a failure to make it fails that push. */
export const forgeAuditQueue = (): AuditQueue => ({
  push: async (event) => {
    await new Queue({ key: AUDIT_QUEUE }).push([{ body: event }]);
  },
});
