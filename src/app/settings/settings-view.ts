import type { SettingsView } from '../../domain/resolver-contract';
import { builtInKnowledgeBase } from '../../domain/knowledge-base/active-knowledge-bases';
import { knowledgeBaseSummaries } from '../../domain/knowledge-base/knowledge-base-summary';
import { projectPermissions, projectRoles, projectWorkflow, siteGroups } from '../../jira/client/permissions';
import { appClient } from '../../jira/client/clients';
import type { JiraClient } from '../../jira/client/jira-client';
import { readKnowledgeBaseLibrary } from '../../jira/knowledge-base/knowledge-base-repository';
import { readThreatModel } from '../../jira/threat-model/threat-model-repository';

/** The settings page: the model's settings, what they can name, and the knowledge bases to choose from. */
export async function settingsView(user: JiraClient, projectKey: string): Promise<SettingsView> {
  const [stored, roles, groups, perms, workflow, library] = await Promise.all([
    readThreatModel(user, projectKey),
    projectRoles(user, projectKey),
    siteGroups(appClient()),
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
