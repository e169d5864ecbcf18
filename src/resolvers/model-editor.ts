import { AppError } from '../domain/common/app-error';
import { canEditThreatModel } from '../jira/client/permissions';
import type { JiraClient } from '../jira/client/jira-client';
import { readThreatModel } from '../jira/threat-model/threat-model-repository';
import { appClient } from '../jira/client/clients';

/**
 * Threat model writes (threats, mitigations) are made as the app; this is the check of the
 * person that comes first: a project admin, or in a role or group the settings name.
 */
export async function requireModelEditor(user: JiraClient, projectKey: string, accountId: string): Promise<void> {
  const { model } = await readThreatModel(user, projectKey);
  if (!(await canEditThreatModel(user, appClient(), { projectKey, accountId }, model.settings))) {
    throw new AppError(
      'FORBIDDEN',
      `You can't edit ${projectKey}'s threat model. Project administrators and the roles or groups named in the app's project settings can.`,
    );
  }
}
