import type { ThreatModelView, ThreatRow } from '../../contract';
import { threatKnowledgeView } from '../../domain/knowledge-base/threat-knowledge-view';
import { mitigationsByThreat } from '../../domain/threat-model/residual-risk';
import { asMitigations, threatRisk } from '../../domain/threat-model/threat-risk';
import { threatView } from '../../domain/threat-model/threat-view';
import { canEditThreatModel, projectPermissions } from '../../jira/client/permissions';
import { loadActiveKnowledgeBases } from '../../jira/knowledge-base/knowledge-base-repository';
import { liveModel } from '../../jira/threat-model/project-risk';
import { readRiskHistory } from '../../jira/threat-model/risk-history-repository';
import { readThreatModel } from '../../jira/threat-model/threat-model-repository';
import type { JiraClients } from '../common/jira-clients';
import { appFieldName, CLAUSES_FIELD_KEY } from '../../jira/story/clauses-field';
import { storiesJqlOf } from './story-counts';

/** The threat model page: every threat with its risk and questions, the mitigations, and the risk history. */
export async function threatModelView(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
): Promise<ThreatModelView> {
  const { user, app } = jira;
  // Before any read: whatever changes while the view is read is newer than this, so the page's
  // next question about changes (threat-model/changes) covers it.
  const readAt = Date.now();
  const stored = await readThreatModel(user, projectKey);
  const [fieldName, canEdit, live, history, perms, kbs] = await Promise.all([
    appFieldName(user, CLAUSES_FIELD_KEY),
    canEditThreatModel(user, app, { projectKey, accountId }, stored.model.settings),
    liveModel(user, projectKey, stored.model),
    readRiskHistory(user, projectKey),
    projectPermissions(user, projectKey, ['CREATE_ISSUES', 'LINK_ISSUES']),
    loadActiveKnowledgeBases(user, projectKey, stored.model.settings.knowledgeBases),
  ]);
  const byThreat = mitigationsByThreat(asMitigations(live.mitigations));
  const knowledge = threatKnowledgeView(stored.model, kbs.knowledgeBases);
  const threats: ThreatRow[] = stored.model.threats.map((t) => ({
    ...threatView(t),
    risk: threatRisk(t, byThreat.get(t.id) ?? []),
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
    mitigations: live.mitigations,
    risk: live.risk,
    history: history.points,
    canEdit,
    canCreateTasks: perms.CREATE_ISSUES === true && perms.LINK_ISSUES === true,
    problems: [...stored.problems, ...(history.problem ? [history.problem] : []), ...kbs.problems],
    seen: { revision: stored.metaRevision, readAt },
  };
}
