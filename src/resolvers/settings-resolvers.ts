import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { AppError } from '../domain/app-error';
import { ThreatModelSettings, type SettingsView } from '../domain/resolver-contract';
import { projectPermissions, projectRoles, projectWorkflow, siteGroups } from '../jira/access';
import type { JiraClient } from '../jira/jira-client';
import { readKnowledgeBaseLibrary } from '../jira/knowledge-base-store';
import { changeThreatModel, readThreatModel } from '../jira/threat-model-store';
import { builtInKnowledgeBase } from '../domain/knowledge-base/active-knowledge-bases';
import { knowledgeBaseSummaries } from '../domain/knowledge-base/knowledge-base-summary';
import { appClient, userClient } from '../jira/clients';
import { projectKeyOf } from './context-project';
import { defineResolver } from './define-resolver';

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
  const uploaded = library.entries.filter((e) => e.removedAt === undefined).map(({ slot: _slot, parts: _parts, removedAt: _removed, ...summary }) => summary);
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

export function registerSettingsResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'settings/get', z.object({}), ({ context }) => settingsView(userClient(), projectKeyOf(context)));

  defineResolver(resolver, 'settings/save', z.object({ settings: ThreatModelSettings }), async ({ payload, context }) => {
    const projectKey = projectKeyOf(context);
    const user = userClient();
    const { ADMINISTER_PROJECTS } = await projectPermissions(user, projectKey, ['ADMINISTER_PROJECTS']);
    if (!ADMINISTER_PROJECTS) throw new AppError('FORBIDDEN', `Only administrators of ${projectKey} can change the app's settings.`);
    // The knowledge-base choice is saved on its own (kb/save-settings); this form never changes it.
    await changeThreatModel(appClient(), projectKey, context.accountId, (model) => ({
      model: { ...model, settings: { ...payload.settings, knowledgeBases: model.settings.knowledgeBases } },
      result: undefined,
    }));
    return settingsView(user, projectKey);
  });
}
