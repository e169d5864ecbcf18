import type { SettingsView } from '../../contract';
import { builtInKnowledgeBase } from '../../domain/knowledge-base/active-knowledge-bases';
import { knowledgeBaseSummaries } from '../../domain/knowledge-base/knowledge-base-summary';
import { projectPermissions, projectRoles, projectWorkflow, siteGroups } from '../../jira/client/permissions';
import { readKnowledgeBaseLibrary } from '../../jira/knowledge-base/knowledge-base-repository';
import { readThreatModel } from '../../jira/threat-model/threat-model-repository';
import type { JiraClients } from '../common/jira-clients';

/** The settings page: the model's settings, what they can name, and the knowledge bases to choose from. */
export async function settingsView(jira: JiraClients, projectKey: string): Promise<SettingsView> {
  const { user } = jira;
  const [stored, roles, groups, perms, workflow, library] = await Promise.all([
    readThreatModel(user, projectKey),
    projectRoles(user, projectKey),
    // As the person, so Jira's "Browse users and groups" decides which group names they see
    // (anyone who may browse the project reads this page, not only its admins).
    siteGroups(user),
    projectPermissions(user, projectKey, ['ADMINISTER_PROJECTS']),
    projectWorkflow(user, projectKey),
    readKnowledgeBaseLibrary(user, projectKey),
  ]);
  const { settings, threats } = stored.model;
  const uploaded = library.entries
    .filter((e) => e.removedAt === undefined)
    .map(({ slot: _slot, parts: _parts, removedAt: _removed, ...summary }) => summary);
  return {
    projectKey,
    settings,
    roles,
    groups,
    ...workflow,
    knowledgeBases: knowledgeBaseSummaries(builtInKnowledgeBase(), uploaded, settings.knowledgeBases, threats),
    // Settings that cannot be read are shown as defaults, read only: a save would write over them.
    canEdit: perms.ADMINISTER_PROJECTS === true && !stored.metaUnreadable,
    problems: [...(stored.metaUnreadable ? [stored.metaUnreadable] : []), ...library.problems],
  };
}
