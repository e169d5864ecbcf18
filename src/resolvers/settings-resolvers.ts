import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { AppError } from '../domain/app-error';
import { ThreatModelSettings, type SettingsView } from '../domain/resolver-contract';
import { projectPermissions, projectRoles, projectWorkflow, siteGroups } from '../jira/access';
import type { JiraClient } from '../jira/jira-client';
import { changeThreatModel, readThreatModel } from '../jira/threat-model-store';
import { appClient, userClient } from './clients';
import { projectKeyOf } from './context-project';
import { defineResolver } from './define-resolver';

async function settingsView(user: JiraClient, projectKey: string): Promise<SettingsView> {
  const [stored, roles, groups, perms, workflow] = await Promise.all([
    readThreatModel(user, projectKey),
    projectRoles(user, projectKey),
    siteGroups(appClient()),
    projectPermissions(user, projectKey, ['ADMINISTER_PROJECTS']),
    projectWorkflow(user, projectKey),
  ]);
  return { projectKey, settings: stored.model.settings, roles, groups, ...workflow, canEdit: perms.ADMINISTER_PROJECTS === true };
}

export function registerSettingsResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'settings/get', z.object({}), ({ context }) => settingsView(userClient(), projectKeyOf(context)));

  defineResolver(resolver, 'settings/save', z.object({ settings: ThreatModelSettings }), async ({ payload, context }) => {
    const projectKey = projectKeyOf(context);
    const user = userClient();
    const { ADMINISTER_PROJECTS } = await projectPermissions(user, projectKey, ['ADMINISTER_PROJECTS']);
    if (!ADMINISTER_PROJECTS) throw new AppError('FORBIDDEN', `Only administrators of ${projectKey} can change the app's settings.`);
    await changeThreatModel(appClient(), projectKey, context.accountId, (model) => ({ model: { ...model, settings: payload.settings }, result: undefined }));
    return settingsView(user, projectKey);
  });
}
