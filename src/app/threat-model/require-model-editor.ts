import { AppError } from '../../domain/common/app-error';
import { canEditThreatModel } from '../../jira/client/permissions';
import { readThreatModel } from '../../jira/threat-model/threat-model-repository';
import type { JiraClients } from '../common/jira-clients';

/**
 * Threat model writes (threats, mitigations, suppressions) are made as the app; this is the
 * check of the person that comes first: a project admin, or in a role or group the settings name.
 */
export async function requireModelEditor(jira: JiraClients, projectKey: string, accountId: string): Promise<void> {
  const { model } = await readThreatModel(jira.user, projectKey);
  if (!(await canEditThreatModel(jira.user, jira.app, { projectKey, accountId }, model.settings))) {
    throw new AppError(
      'FORBIDDEN',
      `You can't edit ${projectKey}'s threat model. Project administrators and the roles or groups named in the app's project settings can.`,
    );
  }
}
