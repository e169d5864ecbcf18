import { indexEntry, type ThreatModelView } from '../../contract';
import { threatKnowledgeView } from '../../domain/knowledge-base/threat-knowledge-view';
import { mayEditThreatModel, projectPermissionsOf } from '../common/call-reads';
import { loadActiveKnowledgeBases } from '../../jira/knowledge-base/knowledge-base-repository';
import { plannedLiveModel, recordedTasksWithSprints } from './planned-live-model';
import { RISK_HISTORY_KEY, riskHistoryOf } from '../../jira/threat-model/risk-history-repository';
import { readThreatModel } from '../../jira/threat-model/threat-model-repository';
import type { JiraClients } from '../common/jira-clients';
import { appFieldName, CLAUSES_FIELD_KEY } from '../../jira/story/clauses-field';
import { storiesJqlOf } from './story-counts';
import { threatRowsOf } from './threat-row';
import { latestUntil } from '../../domain/threat-model/threat-acceptance';
import { EXPOSURE_TIER_RULES, toleranceOf } from '../../domain/threat-model/exposure-tier';
import { nowIso } from '../common/clock';
import { mayAcceptRisk } from './require-risk-accepter';
import { AuditStatus, STATUS_KEY } from '../../jira/audit/audit-repository';
import { countModelIssues } from '../../jira/threat-model/model-activity';
import { libraryStamp, STAMPED_KEYS } from './model-stamps';

/**
 * The threat model page: every threat as an index entry (its risk, counts and acceptance), the
 * project's risk, policy and history. Full rows come a page at a time (threatsOf).
 */
export async function threatModelView(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
): Promise<ThreatModelView> {
  const { user } = jira;
  // Before any read: whatever changes while the view is read is newer than this, so the page's
  // next question about changes (threat-model/changes) covers it.
  const readAt = Date.now();
  // The risk history, the audit's status and the stamped keys come in the model's request, at no cost.
  const stored = await readThreatModel(user, projectKey, [RISK_HISTORY_KEY, STATUS_KEY, ...STAMPED_KEYS]);
  const history = riskHistoryOf(stored.extra[RISK_HISTORY_KEY]);
  // The last audit's story coverage (counting it here would read every story of the project);
  // a status that fails its schema shows none, as the Audit tab explains.
  const auditStatus = AuditStatus.safeParse(stored.extra[STATUS_KEY]).data;
  const now = nowIso();
  const { risk: riskSettings } = stored.model.settings;
  const [fieldName, canEdit, tasks, issues, perms, kbs, canAccept] = await Promise.all([
    appFieldName(user, CLAUSES_FIELD_KEY),
    // One permissions request (through the call's memo) answers editing, accepting risk and creating tasks.
    mayEditThreatModel(jira, { projectKey, accountId }, stored.model.settings),
    // The tasks' live statuses, for the risk: the recorded ones, by id, side by side.
    recordedTasksWithSprints(user, projectKey, stored.model.mitigations),
    // What the page's checks for changes compare with (threat-model/changes): a deletion changes it.
    // Best effort: without it the page falls back to reading the model every few checks.
    countModelIssues(user, projectKey).catch(() => null),
    projectPermissionsOf(jira, projectKey),
    loadActiveKnowledgeBases(user, projectKey, stored.model.settings.knowledgeBases),
    mayAcceptRisk(jira, projectKey, accountId, stored.model.settings),
  ]);
  const live = plannedLiveModel(tasks, stored.model);
  const knowledge = threatKnowledgeView(stored.model, kbs.knowledgeBases);
  const rows = threatRowsOf(stored.model.threats, {
    projectKey,
    fieldName,
    now,
    riskSettings,
    mitigations: live.mitigations,
    knowledge: knowledge.byThreat,
  });
  return {
    projectKey,
    index: { entries: rows.map(indexEntry), storiesJql: storiesJqlHalves(projectKey, fieldName) },
    risk: live.risk,
    riskPolicy: {
      settings: riskSettings,
      tolerance: toleranceOf(riskSettings),
      tierLabel: EXPOSURE_TIER_RULES[riskSettings.tier].label,
      aboveTolerance: live.risk.now > toleranceOf(riskSettings),
      canAccept: canAccept && !stored.metaUnreadable,
      today: now.slice(0, 10),
      latestUntil: latestUntil(now),
    },
    history: history.points,
    coverage: auditStatus?.complete?.coverage
      ? { value: auditStatus.complete.coverage, at: auditStatus.complete.finishedAt }
      : null,
    canEdit,
    canCreateTasks: perms.CREATE_ISSUES === true && perms.LINK_ISSUES === true,
    problems: [...stored.problems, ...(history.problem ? [history.problem] : []), ...kbs.problems],
    seen: {
      revision: stored.metaRevision,
      readAt,
      auditAt: auditStatus?.complete?.finishedAt ?? null,
      issues,
      libraryStamp: libraryStamp(stored.extra),
    },
  };
}

/** The stories JQL of any threat, split where its quoted id goes (see ThreatIndex). */
function storiesJqlHalves(projectKey: string, fieldName: string): [string, string] {
  const [before = '', after = ''] = storiesJqlOf(projectKey, fieldName, ID_MARK).split(ID_MARK);
  return [before, after];
}
const ID_MARK = 'THREATID';
