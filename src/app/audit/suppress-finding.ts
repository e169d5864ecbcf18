import type { AuditView, FindingSuppression } from '../../contract';
import { suppress } from '../../domain/audit/suppression';
import { changeSuppressions } from '../../jira/audit/audit-repository';
import type { JiraClients } from '../common/jira-clients';
import { requireModelEditor } from '../threat-model/require-model-editor';
import { readAuditView } from './read-audit-view';

/** Suppresses a finding, saying why: a decision about the threat model, so its editors make it. */
export async function suppressFinding(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  { findingId, why, view }: FindingSuppression,
): Promise<AuditView> {
  await requireModelEditor(jira, projectKey, accountId);
  const actor = { accountId, now: new Date().toISOString() };
  await changeSuppressions(jira.app, projectKey, accountId, (list) => suppress(list, findingId, why, actor));
  return readAuditView(jira, projectKey, accountId, view);
}
