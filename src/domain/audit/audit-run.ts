// The audit runs in a queue consumer (up to 900 s) and reports progress in a status the tab
// reads. These are the rules of that status: when a run is still under way, and how the tab
// shows it.

/** A run that has not reported for this long is taken as dead (the consumer's limit is 900 s). */
export const STALE_RUN_MS = 16 * 60 * 1000;

export type AuditRunState = 'idle' | 'queued' | 'running' | 'done' | 'failed';

/** What the rules read of a stored run status. */
export interface AuditRunStatus {
  state: AuditRunState;
  startedAt: string;
  updatedAt: string;
  progress: { stage: string; stories: number; tasks: number };
  error?: string;
}

/** The run as the audit tab shows it. */
export interface AuditRunView {
  state: AuditRunState;
  startedAt: string | null;
  updatedAt: string | null;
  progress: { stage: string; stories: number; tasks: number } | null;
  error: string | null;
}

/** Whether a run is under way: queued or running, and reported within STALE_RUN_MS. A new run waits for it. */
export const isRunLive = (status: AuditRunStatus | undefined, now: number): boolean =>
  status !== undefined &&
  (status.state === 'queued' || status.state === 'running') &&
  now - Date.parse(status.updatedAt) < STALE_RUN_MS;

/** The run as the tab shows it: a run that stopped reporting is shown as failed. */
export function auditRunView(status: AuditRunStatus | undefined, now: number): AuditRunView {
  if (!status) return { state: 'idle', startedAt: null, updatedAt: null, progress: null, error: null };
  const stalled = (status.state === 'queued' || status.state === 'running') && !isRunLive(status, now);
  return {
    state: stalled ? 'failed' : status.state,
    startedAt: status.startedAt,
    updatedAt: status.updatedAt,
    progress: status.progress,
    error: stalled ? 'The audit stopped reporting progress; run it again.' : (status.error ?? null),
  };
}
