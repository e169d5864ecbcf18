import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { AppError } from '../../domain/common/app-error';
import { ThreatModelSettings } from '../../domain/resolver-contract';
import { settingsView } from '../../app/settings/settings-view';
import { projectPermissions } from '../../jira/client/permissions';
import { appClient, userClient } from '../../jira/client/clients';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';
import { projectKeyOf } from '../context-project';
import { defineResolver } from '../define-resolver';

export function registerSettingsResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'settings/get', z.object({}), ({ context }) =>
    settingsView(userClient(), projectKeyOf(context)),
  );

  defineResolver(
    resolver,
    'settings/save',
    z.object({ settings: ThreatModelSettings }),
    async ({ payload, context }) => {
      const projectKey = projectKeyOf(context);
      const user = userClient();
      const { ADMINISTER_PROJECTS } = await projectPermissions(user, projectKey, ['ADMINISTER_PROJECTS']);
      if (!ADMINISTER_PROJECTS)
        throw new AppError('FORBIDDEN', `Only administrators of ${projectKey} can change the app's settings.`);
      // The knowledge-base choice is saved on its own (knowledge-base/save-settings); this form never changes it.
      await changeThreatModel(appClient(), projectKey, context.accountId, (model) => ({
        model: { ...model, settings: { ...payload.settings, knowledgeBases: model.settings.knowledgeBases } },
        result: undefined,
      }));
      return settingsView(user, projectKey);
    },
  );
}
