import type { ThreatEditRequest } from '../../domain/threat-model/threat-edit';
import { threatView, type ThreatView } from '../../domain/threat-model/threat-view';
import { saveThreatEdit } from '../../jira/threat-model/threat-edit-queue';
import type { JiraClients } from '../common/jira-clients';
import { asModelEditor } from './require-model-editor';

/** An edit of one existing threat (its fields, or its state): many people saving at once share turns (threat-edit-queue). */
export async function changeThreat(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  edit: ThreatEditRequest,
): Promise<ThreatView> {
  const actor = { accountId, now: new Date().toISOString() };
  return threatView(
    await saveThreatEdit(
      jira.app,
      projectKey,
      edit,
      actor,
      undefined,
      asModelEditor(jira, projectKey, accountId, [edit.id]),
    ),
  );
}
