import type { KbSettingsSave, SettingsView } from '../../contract';
import { requireKnownKnowledgeBases } from '../../domain/knowledge-base/knowledge-base-choice';
import { readKnowledgeBaseLibrary } from '../../jira/knowledge-base/knowledge-base-repository';
import type { JiraClients } from '../common/jira-clients';
import { settingsView } from '../settings/settings-view';
import { changeKnowledgeBaseSettings } from './change-knowledge-base-settings';
import { requireKnowledgeBaseAdmin } from './require-knowledge-base-admin';

/** Which knowledge bases suggest threats, in which order, and the default list (TOP or full). */
export async function saveKnowledgeBaseSettings(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  { knowledgeBases }: KbSettingsSave,
): Promise<SettingsView> {
  await requireKnowledgeBaseAdmin(jira.user, projectKey);
  const library = await readKnowledgeBaseLibrary(jira.user, projectKey);
  const uploaded = new Set(library.entries.filter((e) => e.removedAt === undefined).map((e) => e.id));
  requireKnownKnowledgeBases(knowledgeBases.active, uploaded, projectKey);
  await changeKnowledgeBaseSettings(jira.app, projectKey, accountId, () => knowledgeBases);
  return settingsView(jira, projectKey);
}
