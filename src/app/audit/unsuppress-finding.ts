import type { AuditView, FindingUnsuppression } from '../../contract';
import { unsuppress } from '../../domain/audit/suppression';
import { changeSuppressions } from '../../jira/audit/audit-repository';
import type { JiraClients } from '../common/jira-clients';
import { requireModelEditor } from '../threat-model/require-model-editor';
import { readAuditView } from './read-audit-view';

/** Takes back a suppression: the finding counts again. Editors of the threat model only. */
export async function unsuppressFinding(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  { findingId, view }: FindingUnsuppression,
): Promise<AuditView> {
  await requireModelEditor(jira, projectKey, accountId);
  await changeSuppressions(jira.app, projectKey, accountId, (list) => unsuppress(list, findingId));
  return readAuditView(jira, projectKey, accountId, view);
}
