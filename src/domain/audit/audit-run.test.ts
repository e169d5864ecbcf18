import { auditRunView, isRunLive, STALE_RUN_MS, type AuditRunStatus } from './audit-run';

const NOW = Date.parse('2026-03-01T09:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const run = (state: AuditRunStatus['state'], reportedMsAgo: number, error?: string): AuditRunStatus => ({
  state,
  startedAt: ago(reportedMsAgo + 1000),
  updatedAt: ago(reportedMsAgo),
  progress: { stage: 'stories', stories: 300, tasks: 4 },
  ...(error === undefined ? {} : { error }),
});

describe('whether an audit run is under way', () => {
  it('is when queued or running and reported lately', () => {
    expect(isRunLive(run('queued', 1000), NOW)).toBe(true);
    expect(isRunLive(run('running', STALE_RUN_MS - 1), NOW)).toBe(true);
  });

  it('is not when none ran, when it ended, or when it stopped reporting', () => {
    expect(isRunLive(undefined, NOW)).toBe(false);
    expect(isRunLive(run('done', 1000), NOW)).toBe(false);
    expect(isRunLive(run('failed', 1000), NOW)).toBe(false);
    expect(isRunLive(run('running', STALE_RUN_MS), NOW)).toBe(false);
  });
});

describe('the run as the audit tab shows it', () => {
  it('is idle before the first run', () => {
    expect(auditRunView(undefined, NOW)).toEqual({
      state: 'idle',
      startedAt: null,
      updatedAt: null,
      progress: null,
      error: null,
    });
  });

  it('shows a live run with its progress, and a failed one with its error', () => {
    expect(auditRunView(run('running', 1000), NOW)).toMatchObject({
      state: 'running',
      progress: { stories: 300 },
      error: null,
    });
    expect(auditRunView(run('failed', 1000, 'Jira refused'), NOW)).toMatchObject({
      state: 'failed',
      error: 'Jira refused',
    });
  });

  it('shows a run that stopped reporting as failed, and says to run it again', () => {
    expect(auditRunView(run('queued', STALE_RUN_MS + 1), NOW)).toMatchObject({
      state: 'failed',
      error: 'The audit stopped reporting progress; run it again.',
    });
  });
});
