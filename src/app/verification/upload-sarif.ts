import type { SarifUpload, SarifUploadResult } from '../../contract';
import type { JiraClients } from '../common/jira-clients';
import { answeredMapping } from '../../domain/verification/verification-mapping';
import { fileText } from '../knowledge-base/read-uploaded-file';
import { readSarifReport, recordSarif } from './map-sarif';
import { requireModelEditor } from '../threat-model/require-model-editor';
import { verificationView } from './verification-view';

/** A SARIF file uploaded on the project page: read (a bad file changes nothing), mapped and recorded. */
export async function uploadSarif(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  upload: SarifUpload,
): Promise<SarifUploadResult> {
  // Who may record verification is asked first: nobody else makes the app inflate and parse a file
  // of up to 8 MB (found by a review). The check under the lease answers from the call's memo.
  await requireModelEditor(jira, projectKey, accountId);
  const report = readSarifReport(fileText(upload.content, upload.fileName), upload.fileName);
  const { mapping, failed, passed } = await recordSarif(jira, projectKey, accountId, report);
  // Read again without the call's memo: the view shows the model as just written.
  const view = await verificationView({ user: jira.user, app: jira.app }, projectKey, accountId, upload.shown);
  return { ...answeredMapping(mapping), failed, passed, view };
}
