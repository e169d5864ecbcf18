import type { MitigationRow, MitigationView, ThreatModelView, ThreatRow } from '../../contract';
import { threatKnowledgeView } from '../../domain/knowledge-base/threat-knowledge-view';
import { mitigationsByThreat } from '../../domain/threat-model/residual-risk';
import { asMitigations, threatRisk } from '../../domain/threat-model/threat-risk';
import { threatView, type ThreatView } from '../../domain/threat-model/threat-view';
import { mayEditThreatModel, projectPermissionsOf } from '../common/call-reads';
import { loadActiveKnowledgeBases } from '../../jira/knowledge-base/knowledge-base-repository';
import { liveModel } from '../../jira/threat-model/project-risk';
import { readRiskHistory } from '../../jira/threat-model/risk-history-repository';
import { readThreatModel } from '../../jira/threat-model/threat-model-repository';
import type { JiraClients } from '../common/jira-clients';
import { appFieldName, CLAUSES_FIELD_KEY } from '../../jira/story/clauses-field';
import { storiesJqlOf } from './story-counts';
import { acceptanceState, latestUntil } from '../../domain/threat-model/threat-acceptance';
import { EXPOSURE_TIER_RULES, toleranceOf } from '../../domain/threat-model/exposure-tier';
import { nowIso } from '../common/clock';
import { mayAcceptRisk } from './require-risk-accepter';
import { readAuditState } from '../../jira/audit/audit-repository';
import { latestVerification } from '../../domain/verification/verification-record';

/** The threat model page: every threat with its risk and questions, the mitigations, and the risk history. */
export async function threatModelView(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
): Promise<ThreatModelView> {
  const { user } = jira;
  // Before any read: whatever changes while the view is read is newer than this, so the page's
  // next question about changes (threat-model/changes) covers it.
  const readAt = Date.now();
  const stored = await readThreatModel(user, projectKey);
  const now = nowIso();
  const { risk: riskSettings } = stored.model.settings;
  const [fieldName, canEdit, live, history, perms, kbs, canAccept, audit] = await Promise.all([
    appFieldName(user, CLAUSES_FIELD_KEY),
    // One permissions request (through the call's memo) answers editing, accepting risk and creating tasks.
    mayEditThreatModel(jira, { projectKey, accountId }, stored.model.settings),
    liveModel(user, projectKey, stored.model),
    readRiskHistory(user, projectKey),
    projectPermissionsOf(jira, projectKey),
    loadActiveKnowledgeBases(user, projectKey, stored.model.settings.knowledgeBases),
    mayAcceptRisk(jira, projectKey, accountId, stored.model.settings),
    // The last audit's story coverage: counting it here would read every story of the project.
    readAuditState(user, projectKey),
  ]);
  const byThreat = mitigationsByThreat(asMitigations(live.mitigations));
  const knowledge = threatKnowledgeView(stored.model, kbs.knowledgeBases);
  const threats: ThreatRow[] = stored.model.threats.map((t) => ({
    ...threatListFields(threatView(t)),
    risk: threatRisk(t, byThreat.get(t.id) ?? [], riskSettings),
    acceptanceState: acceptanceState(t.acceptance, now, t),
    // Counted per page of threats the tab shows (threat-model/story-counts), not by reading
    // every story of the project here.
    storyCount: null,
    storiesJql: storiesJqlOf(projectKey, fieldName, t.id),
    ...(knowledge.byThreat.get(t.id) ?? { questionKeys: [], answeredQuestions: 0 }),
  }));
  return {
    projectKey,
    threats,
    questions: knowledge.questions,
    mitigations: live.mitigations.map(mitigationRow),
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
    coverage: audit.status?.complete?.coverage
      ? { value: audit.status.complete.coverage, at: audit.status.complete.finishedAt }
      : null,
    canEdit,
    canCreateTasks: perms.CREATE_ISSUES === true && perms.LINK_ISSUES === true,
    problems: [...stored.problems, ...(history.problem ? [history.problem] : []), ...kbs.problems],
    seen: { revision: stored.metaRevision, readAt, auditAt: audit.status?.complete?.finishedAt ?? null },
  };
}

// The list leaves out what only a dialog shows (threat-model/threat-details answers it): at
// 1,000 threats and 2,000 mitigations these fields were over half of the answer.

/** A threat without its edit receipt, import keys and detection events. */
function threatListFields({ lastEdit: _receipt, imported: _imported, detectionEvents: _events, ...shown }: ThreatView) {
  return shown;
}

/**
 * A mitigation without its long texts, stamps and import keys, and with only its newest
 * verification record: the one risk arithmetic reads (a failed one un-counts it).
 */
export function mitigationRow({
  implementation: _implementation,
  verification: _verification,
  created: _created,
  updated: _updated,
  imported: _imported,
  verifications,
  ...row
}: MitigationView): MitigationRow {
  const latest = latestVerification({ verifications });
  return latest ? { ...row, verifications: [latest] } : row;
}
