import type { AuditView } from '../../contract';
import { withSuppressions } from '../../domain/audit/audit';
import { auditRunView } from '../../domain/audit/audit-run';
import { severityOf } from '../../domain/threat-model/severity';
import { readStoredAudit } from '../../jira/audit/audit-repository';
import { mayEditThreatModel, projectPermissionsOf, threatModelOf } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';
import { nowMs } from '../common/clock';
import { mayAcceptRisk } from '../threat-model/require-risk-accepter';

/**
 * The tab's view: the stored result with today's suppressions applied, so suppressing shows at
 * once. The caller has checked the person may browse the project (requireAuditor, or a check
 * that implies it), hence canRun.
 */
export async function readAuditView(jira: JiraClients, projectKey: string, accountId: string): Promise<AuditView> {
  const [stored, model, perms] = await Promise.all([
    readStoredAudit(jira.user, projectKey),
    threatModelOf(jira, projectKey),
    projectPermissionsOf(jira, projectKey),
  ]);
  const [canSuppress, canAcceptRisk] = await Promise.all([
    mayEditThreatModel(jira, { projectKey, accountId }, model.model.settings),
    mayAcceptRisk(jira, projectKey, accountId, model.model.settings),
  ]);
  return {
    projectKey,
    run: auditRunView(stored.status, nowMs()),
    completedAt: stored.status?.complete?.finishedAt ?? null,
    result: stored.result ? withSuppressions(stored.result, stored.suppressions) : null,
    resultUnreadable: stored.statusUnreadable || (stored.status?.complete !== undefined && !stored.result),
    threats: model.model.threats
      .filter((t) => t.state === 'active')
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
    problems: [...stored.problems, ...model.problems],
  };
}
