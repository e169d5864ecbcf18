import { AppError } from '../../domain/common/app-error';
import { isProjectAdmin, mayEditThreatModel, threatModelOf } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';

/**
 * Threat model writes (threats, mitigations, suppressions) are made as the app; this is the
 * check of the person that comes first: a project admin, or in a role or group the settings name.
 * `isAdmin`: when the caller already asked Jira (an issue's permissions); else the model and the
 * person's project permissions are read together.
 */
export async function requireModelEditor(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  isAdmin?: Promise<boolean>,
): Promise<void> {
  const admin = isAdmin ?? isProjectAdmin(jira, projectKey);
  admin.catch(() => undefined); // awaited below, after the model: its error comes first
  const { model } = await threatModelOf(jira, projectKey);
  if (!(await mayEditThreatModel(jira, { projectKey, accountId, isAdmin: admin }, model.settings))) {
    throw new AppError(
      'FORBIDDEN',
      `You can't edit ${projectKey}'s threat model. Project administrators and the roles or groups named in the app's project settings can.`,
    );
  }
}

/**
 * The same check, as the model lease's `beforeCreate`: it runs while the lock is read, so it
 * costs no round trip of its own, and nothing is written before it passes.
 */
export const asModelEditor = (jira: JiraClients, projectKey: string, accountId: string) => ({
  beforeCreate: () => requireModelEditor(jira, projectKey, accountId),
});
