import type { KbRemove, SettingsView } from '../../contract';
import { requireRemovable, withActive } from '../../domain/knowledge-base/knowledge-base-choice';
import { setKnowledgeBaseRemoved } from '../../jira/knowledge-base/knowledge-base-repository';
import type { JiraClients } from '../common/jira-clients';
import { settingsView } from '../settings/settings-view';
import { changeKnowledgeBaseSettings } from './change-knowledge-base-settings';
import { requireKnowledgeBaseAdmin } from './require-knowledge-base-admin';

/** Removes an uploaded knowledge base (it can be restored) and turns it off. */
export async function removeKnowledgeBase(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  { id }: KbRemove,
): Promise<SettingsView> {
  await requireKnowledgeBaseAdmin(jira.user, projectKey);
  requireRemovable(id);
  await setKnowledgeBaseRemoved(jira.app, projectKey, id, true, { accountId, now: new Date().toISOString() });
  await changeKnowledgeBaseSettings(jira.app, projectKey, accountId, (current) => withActive(current, id, false));
  return settingsView(jira, projectKey);
}
