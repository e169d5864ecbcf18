import type { KbRestore, SettingsView } from '../../contract';
import { withActive } from '../../domain/knowledge-base/knowledge-base-choice';
import { setKnowledgeBaseRemoved } from '../../jira/knowledge-base/knowledge-base-repository';
import type { JiraClients } from '../common/jira-clients';
import { settingsView } from '../settings/settings-view';
import { changeKnowledgeBaseSettings } from './change-knowledge-base-settings';
import { requireKnowledgeBaseAdmin } from './require-knowledge-base-admin';

/** Undoes the removal of an uploaded knowledge base, turning it on again when asked. */
export async function restoreKnowledgeBase(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  { id, activate }: KbRestore,
): Promise<SettingsView> {
  await requireKnowledgeBaseAdmin(jira.user, projectKey);
  await setKnowledgeBaseRemoved(jira.app, projectKey, id, false, { accountId, now: new Date().toISOString() });
  if (activate)
    await changeKnowledgeBaseSettings(jira.app, projectKey, accountId, (current) => withActive(current, id, true));
  return settingsView(jira, projectKey);
}
