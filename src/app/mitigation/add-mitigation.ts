import type { MitigationAdd, MitigationView } from '../../contract';
import { mitigationView } from '../../domain/mitigation/mitigation-view';
import { addMitigation as addToModel } from '../../domain/threat-model/threat-model';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';
import type { JiraClients } from '../common/jira-clients';
import { asModelEditor } from '../threat-model/require-model-editor';

/** A new mitigation in the model, written as the app for an editor of the model. */
export async function addMitigation(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  { draft }: MitigationAdd,
): Promise<MitigationView> {
  const mitigation = await changeThreatModel(
    jira.app,
    projectKey,
    accountId,
    (model) => {
      const added = addToModel(model, draft, { accountId, now: new Date().toISOString() });
      return { model: added.model, result: added.mitigation };
    },
    asModelEditor(jira, projectKey, accountId),
  );
  return mitigationView(mitigation, new Map());
}
