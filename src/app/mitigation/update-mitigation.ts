import type { MitigationEdit, MitigationView } from '../../contract';
import { mitigationView } from '../../domain/mitigation/mitigation-view';
import { editMitigation } from '../../domain/threat-model/threat-model';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';
import type { JiraClients } from '../common/jira-clients';
import { asModelEditor } from '../threat-model/require-model-editor';

/** An edit of a mitigation, from the revision the person started from (the domain refuses a stale one). */
export async function updateMitigation(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  { id, baseRevision, draft }: MitigationEdit,
): Promise<MitigationView> {
  const mitigation = await changeThreatModel(
    jira.app,
    projectKey,
    accountId,
    (model) => {
      const edited = editMitigation(model, id, baseRevision, draft, { accountId, now: new Date().toISOString() });
      return { model: edited.model, result: edited.mitigation };
    },
    asModelEditor(jira, projectKey, accountId, [id]),
  );
  return mitigationView(mitigation, new Map());
}
