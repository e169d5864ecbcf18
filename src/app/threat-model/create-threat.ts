import type { ThreatCreation } from '../../contract';
import { addThreat } from '../../domain/threat-model/threat-model';
import { threatView, type ThreatView } from '../../domain/threat-model/threat-view';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';
import type { JiraClients } from '../common/jira-clients';
import { asModelEditor } from './require-model-editor';

/** A new threat in the model, written as the app for an editor of the model (checked before the lease is taken). */
export async function createThreat(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  { draft }: ThreatCreation,
): Promise<ThreatView> {
  const actor = { accountId, now: new Date().toISOString() };
  const threat = await changeThreatModel(
    jira.app,
    projectKey,
    accountId,
    (model) => {
      const added = addThreat(model, draft, actor);
      return { model: added.model, result: added.threat };
    },
    asModelEditor(jira, projectKey, accountId),
  );
  return threatView(threat);
}
