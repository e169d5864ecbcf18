import type { InterchangeAccess } from '../../contract';
import { mayEditThreatModel, threatModelOf } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';

/**
 * Whether the person may import into the project's model: a model editor, and a model whose
 * meta can be read (an import would otherwise be refused). Reads as the person; the import
 * checks again under the model's lease.
 */
export async function interchangeAccess(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
): Promise<InterchangeAccess> {
  const stored = await threatModelOf(jira, projectKey);
  if (stored.metaUnreadable) return { canImport: false };
  return { canImport: await mayEditThreatModel(jira, { projectKey, accountId }, stored.model.settings) };
}
