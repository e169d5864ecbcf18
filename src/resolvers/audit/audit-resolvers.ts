import { Queue } from '@forge/events';
import type Resolver from '@forge/resolver';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../domain/common/app-error';
import { withSuppressions } from '../../domain/audit/audit';
import { suppress, unsuppress } from '../../domain/audit/suppression';
import type { AuditView } from '../../domain/resolver-contract';
import { severityOf } from '../../domain/threat-model/severity';
import { ThreatId } from '../../domain/story/without-clause';
import { canEditThreatModel, projectPermissions } from '../../jira/client/permissions';
import {
  changeSuppressions,
  readAuditState,
  readStoredAudit,
  writeAuditStatus,
  type AuditStatus,
} from '../../jira/audit/audit-repository';
import type { JiraClient } from '../../jira/client/jira-client';
import { readThreatModel } from '../../jira/threat-model/threat-model-repository';
import { AUDIT_QUEUE, type AuditEvent } from '../../triggers/audit-worker';
import { appClient, userClient } from '../../jira/client/clients';
import { projectKeyOf } from '../context-project';
import { defineResolver } from '../define-resolver';
import { requireModelEditor } from '../model-editor';
import { updateStoryClauses } from '../../app/story/update-story-clauses';

/** A run that has not reported for this long is taken as dead (the consumer's limit is 900 s). */
const STALE_RUN_MS = 16 * 60 * 1000;

async function requireBrowse(user: JiraClient, projectKey: string): Promise<void> {
  const perms = await projectPermissions(user, projectKey, ['BROWSE_PROJECTS']);
  if (!perms.BROWSE_PROJECTS)
    throw new AppError('FORBIDDEN', `You can't see project ${projectKey}, so you can't audit it.`);
}

const isLive = (status: AuditStatus | undefined, now: number) =>
  status !== undefined &&
  (status.state === 'queued' || status.state === 'running') &&
  now - Date.parse(status.updatedAt) < STALE_RUN_MS;

/** The run as the tab shows it: a run that stopped reporting is shown as failed. */
function runView(status: AuditStatus | undefined, now: number): AuditView['run'] {
  if (!status) return { state: 'idle', startedAt: null, updatedAt: null, progress: null, error: null };
  const stalled = (status.state === 'queued' || status.state === 'running') && !isLive(status, now);
  return {
    state: stalled ? 'failed' : status.state,
    startedAt: status.startedAt,
    updatedAt: status.updatedAt,
    progress: status.progress,
    error: stalled ? 'The audit stopped reporting progress; run it again.' : (status.error ?? null),
  };
}

/**
 * The tab's view: the stored result with today's suppressions applied, so suppressing shows at
 * once. Every caller has checked the person may browse the project, hence canRun.
 */
async function auditView(user: JiraClient, projectKey: string, accountId: string): Promise<AuditView> {
  const [stored, model] = await Promise.all([readStoredAudit(user, projectKey), readThreatModel(user, projectKey)]);
  const canSuppress = await canEditThreatModel(user, appClient(), { projectKey, accountId }, model.model.settings);
  return {
    projectKey,
    run: runView(stored.status, Date.now()),
    completedAt: stored.status?.complete?.finishedAt ?? null,
    result: stored.result ? withSuppressions(stored.result, stored.suppressions) : null,
    resultUnreadable: stored.statusUnreadable || (stored.status?.complete !== undefined && !stored.result),
    threats: model.model.threats
      .filter((t) => t.state === 'active')
      .map((t) => ({ id: t.id, title: t.title, severity: severityOf(t) })),
    canRun: true,
    canSuppress,
    problems: [...stored.problems, ...model.problems],
  };
}

/** Queues a run unless one is under way; the consumer does the work (see triggers/audit-worker). The caller checked the person. */
async function startRun(projectKey: string, accountId: string): Promise<void> {
  const app = appClient();
  const { status } = await readAuditState(app, projectKey);
  if (isLive(status, Date.now())) return;
  const now = new Date().toISOString();
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
  const event: AuditEvent = { projectKey, runId, requestedBy: accountId };
  try {
    await new Queue({ key: AUDIT_QUEUE }).push([{ body: event }]);
  } catch (error) {
    // Forge did not take the job (its queue is rate-limited or failing): a run left "queued"
    // would block the next one until it times out, so it is marked failed and said so.
    console.warn(`without-audit: the run could not be queued (${String(error)})`);
    await writeAuditStatus(app, projectKey, {
      ...queued,
      state: 'failed',
      updatedAt: new Date().toISOString(),
      error: 'The audit could not be queued.',
    });
    throw new AppError(
      'JIRA_UNAVAILABLE',
      'The audit could not be started: Forge did not take the job. Try again in a moment.',
    );
  }
}

const FindingId = z.string().min(1).max(300);

export function registerAuditResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'audit/get', z.object({}), async ({ context }) => {
    const user = userClient();
    const projectKey = projectKeyOf(context);
    await requireBrowse(user, projectKey);
    return auditView(user, projectKey, context.accountId);
  });

  defineResolver(resolver, 'audit/run', z.object({}), async ({ context }) => {
    const user = userClient();
    const projectKey = projectKeyOf(context);
    await requireBrowse(user, projectKey);
    await startRun(projectKey, context.accountId);
    return auditView(user, projectKey, context.accountId);
  });

  defineResolver(
    resolver,
    'audit/suppress',
    z.object({ findingId: FindingId, why: z.string() }),
    async ({ payload, context }) => {
      const user = userClient();
      const projectKey = projectKeyOf(context);
      await requireModelEditor(user, projectKey, context.accountId);
      const actor = { accountId: context.accountId, now: new Date().toISOString() };
      await changeSuppressions(appClient(), projectKey, context.accountId, (list) =>
        suppress(list, payload.findingId, payload.why, actor),
      );
      return auditView(user, projectKey, context.accountId);
    },
  );

  defineResolver(resolver, 'audit/unsuppress', z.object({ findingId: FindingId }), async ({ payload, context }) => {
    const user = userClient();
    const projectKey = projectKeyOf(context);
    await requireModelEditor(user, projectKey, context.accountId);
    await changeSuppressions(appClient(), projectKey, context.accountId, (list) => unsuppress(list, payload.findingId));
    return auditView(user, projectKey, context.accountId);
  });

  // The fix for "clause linked to no threat": link one, as the person, then audit again.
  defineResolver(
    resolver,
    'audit/link-threat',
    z.object({
      issueKey: z.string().regex(/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/, 'An issue key looks like PAY-12'),
      clauseId: z.string().min(1).max(40),
      threatId: ThreatId,
    }),
    async ({ payload, context }) => {
      const user = userClient();
      const projectKey = projectKeyOf(context);
      if (!payload.issueKey.startsWith(`${projectKey}-`))
        throw new AppError('BAD_REQUEST', `${payload.issueKey} is not in ${projectKey}.`);
      await updateStoryClauses(user, payload.issueKey, context.accountId, (before) => {
        const clause = before.clauses.find((c) => c.id === payload.clauseId);
        if (!clause)
          throw new AppError('CONFLICT', `${payload.issueKey} no longer has that WITHOUT clause. Run the audit again.`);
        const clauses = before.clauses.map((c) =>
          c.id === payload.clauseId && !c.threatIds.includes(payload.threatId)
            ? { ...c, threatIds: [...c.threatIds, payload.threatId] }
            : c,
        );
        return { clauses, directThreatIds: before.directThreatIds };
      });
      // Editing the story (checked by updateStoryClauses) implies seeing the project.
      await startRun(projectKey, context.accountId);
      return auditView(user, projectKey, context.accountId);
    },
  );
}
