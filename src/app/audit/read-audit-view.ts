import type { AuditView } from '../../contract';
import { withSuppressions } from '../../domain/audit/audit';
import { auditRunView } from '../../domain/audit/audit-run';
import { findingsPage, threatIdsOf, type FindingsQuery } from '../../domain/audit/finding-page';
import { severityOf } from '../../domain/threat-model/severity';
import { AUDIT_STATE_KEYS, auditStateFrom, readAuditResultOf, readAuditState } from '../../jira/audit/audit-repository';
import { mayEditThreatModel, projectPermissionsOf, threatModelWith } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';
import { nowMs } from '../common/clock';
import { mayAcceptRisk } from '../threat-model/require-risk-accepter';

/**
 * The tab's view: the stored result with today's suppressions applied (so suppressing shows at
 * once), as the page of findings the person is on (`query`: their filters and page; absent, the
 * first page of every finding), and the active threats that page names. The caller has checked
 * the person may browse the project (requireAuditor, or a check that implies it), hence canRun.
 *
 * Two round trips: the model with the audit's status and suppressions (one request) beside the
 * person's permissions; then the result the status points at, beside the editor and risk checks
 * (a role's members, when the settings name one), which wait for the model's settings only.
 */
export async function readAuditView(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  query: FindingsQuery = {},
): Promise<AuditView> {
  const reads = threatModelWith(jira, projectKey, AUDIT_STATE_KEYS);
  const state = reads.extra ? reads.extra.then(auditStateFrom) : readAuditState(jira.user, projectKey);
  const result = state.then((s) => readAuditResultOf(jira.user, projectKey, s.status));
  const checks = reads.stored.then(({ model }) =>
    Promise.all([
      mayEditThreatModel(jira, { projectKey, accountId }, model.settings),
      mayAcceptRisk(jira, projectKey, accountId, model.settings),
    ]),
  );
  // Awaited together below: a failure of one is the call's error, never an unhandled rejection.
  [result, checks].forEach((p) => p.catch(() => undefined));
  const [stored, model, perms] = await Promise.all([state, reads.stored, projectPermissionsOf(jira, projectKey)]);
  const [read, [canSuppress, canAcceptRisk]] = await Promise.all([result, checks]);
  const page = read.result ? findingsPage(withSuppressions(read.result, stored.suppressions), query) : null;
  const named = page ? threatIdsOf(page.findings) : new Set<string>();
  return {
    projectKey,
    run: auditRunView(stored.status, nowMs()),
    completedAt: stored.status?.complete?.finishedAt ?? null,
    result: page,
    resultUnreadable: stored.statusUnreadable || (stored.status?.complete !== undefined && !read.result),
    threats: model.model.threats
      .filter((t) => t.state === 'active' && named.has(t.id))
      .map((t) => ({ id: t.id, title: t.title, severity: severityOf(t) })),
    canRun: true,
    canSuppress,
    // Suppressing is an edit of the threat model's settings: the same people may make both.
    canEditThreatModel: canSuppress,
    canEditStories: perms.EDIT_ISSUES === true,
    canCreateTasks: perms.CREATE_ISSUES === true && perms.LINK_ISSUES === true,
    canTransitionIssues: perms.TRANSITION_ISSUES === true,
    // As the threat model tab says it: no one accepts risk on a model whose record is unreadable.
    canAcceptRisk: canAcceptRisk && !model.metaUnreadable,
    problems: [...stored.problems, ...read.problems, ...model.problems],
  };
}
