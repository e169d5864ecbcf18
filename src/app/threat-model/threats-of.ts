import type { ThreatsAnswer } from '../../contract';
import { threatKnowledgeView } from '../../domain/knowledge-base/threat-knowledge-view';
import { loadActiveKnowledgeBases } from '../../jira/knowledge-base/knowledge-base-repository';
import { appFieldName, CLAUSES_FIELD_KEY } from '../../jira/story/clauses-field';
import { readThreatModel } from '../../jira/threat-model/threat-model-repository';
import { nowIso } from '../common/clock';
import type { JiraClients } from '../common/jira-clients';
import { plannedLiveModel, recordedTasksWithSprints } from './planned-live-model';
import { mitigationRow, threatRowsOf } from './threat-row';

/**
 * The asked threats in full, read as the person: what the threat table shows of the page on
 * screen or of a row opened (description, mitigations, questions), and what its dialogs start
 * from. The model, then its mitigations' tasks (by id) beside the knowledge bases.
 */
export async function threatsOf(jira: JiraClients, projectKey: string, ids: string[]): Promise<ThreatsAnswer> {
  const { user } = jira;
  const stored = await readThreatModel(user, projectKey);
  const asked = new Set(ids);
  const threats = stored.model.threats.filter((t) => asked.has(t.id));
  const addressing = stored.model.mitigations.filter((m) => m.addresses.some((a) => asked.has(a.threatId)));
  const [fieldName, tasks, kbs] = await Promise.all([
    appFieldName(user, CLAUSES_FIELD_KEY),
    // Only the tasks of their mitigations: the risk of a threat depends on nothing else, and a
    // page costs the same in any project.
    recordedTasksWithSprints(user, projectKey, addressing),
    loadActiveKnowledgeBases(user, projectKey, stored.model.settings.knowledgeBases),
  ]);
  const live = plannedLiveModel(tasks, { ...stored.model, threats, mitigations: addressing });
  // A pending update looks at every mitigation (which templates were made already), not only theirs.
  const knowledge = threatKnowledgeView({ threats, mitigations: stored.model.mitigations }, kbs.knowledgeBases);
  return {
    threats: threatRowsOf(threats, {
      projectKey,
      fieldName,
      now: nowIso(),
      riskSettings: stored.model.settings.risk,
      mitigations: live.mitigations,
      knowledge: knowledge.byThreat,
    }),
    mitigations: live.mitigations.map(mitigationRow),
    questions: knowledge.questions,
  };
}
