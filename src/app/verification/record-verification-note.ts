import type { VerificationNote, VerificationView } from '../../contract';
import { recordVerificationNote } from '../../domain/verification/record-verification';
import { VerificationNoteDraft } from '../../domain/verification/verification-record';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';
import type { JiraClients } from '../common/jira-clients';
import { asModelEditor } from '../threat-model/require-model-editor';
import { verificationView } from './verification-view';

/** A verification note by hand on one mitigation (pass, fail or partial; an https evidence link). */
export async function recordNote(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  { mitigationId, baseRevision, draft, shown }: VerificationNote,
): Promise<VerificationView> {
  const actor = { accountId, now: new Date().toISOString() };
  const note = VerificationNoteDraft.parse(draft);
  await changeThreatModel(
    jira.app,
    projectKey,
    accountId,
    (model) => {
      const changed = recordVerificationNote(model, mitigationId, baseRevision, note, actor);
      return { model: changed.model, result: changed.mitigation };
    },
    asModelEditor(jira, projectKey, accountId, [mitigationId]),
  );
  return verificationView({ user: jira.user, app: jira.app }, projectKey, accountId, shown);
}
