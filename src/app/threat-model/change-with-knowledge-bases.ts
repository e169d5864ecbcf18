import type { Threat } from '../../domain/threat-model/threat';
import type { Actor, ThreatModel } from '../../domain/threat-model/threat-model';
import { threatView, type ThreatView } from '../../domain/threat-model/threat-view';
import {
  loadActiveKnowledgeBases,
  type LoadedKnowledgeBases,
} from '../../jira/knowledge-base/knowledge-base-repository';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';
import type { JiraClients } from '../common/jira-clients';
import { asModelEditor } from './require-model-editor';

export type KnowledgeChange = (
  model: ThreatModel,
  loaded: LoadedKnowledgeBases,
  actor: Actor,
) => { model: ThreatModel; threat: Threat };

/**
 * A change of one threat that reads the project's knowledge bases (its STRIDE questions, a newer
 * template): they are read under the model's lease, with the settings that name them.
 */
export async function changeWithKnowledgeBases(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  apply: KnowledgeChange,
  threatId: string,
): Promise<ThreatView> {
  const { app } = jira;
  const actor = { accountId, now: new Date().toISOString() };
  const threat = await changeThreatModel(
    app,
    projectKey,
    accountId,
    async (model) => {
      const loaded = await loadActiveKnowledgeBases(app, projectKey, model.settings.knowledgeBases);
      const changed = apply(model, loaded, actor);
      return { model: changed.model, result: changed.threat };
    },
    asModelEditor(jira, projectKey, accountId, [threatId]),
  );
  return threatView(threat);
}
