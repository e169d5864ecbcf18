import { AppError } from '../../domain/common/app-error';
import { LOCK_KEY } from '../../jira/threat-model/threat-model-shards';
import type { StoredThreatModel } from '../../jira/threat-model/threat-model-repository';
import { mayEditThreatModel, modelWithLockOf, projectPermissionsOf, threatModelOf } from '../common/call-reads';
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
  stored?: Promise<StoredThreatModel>,
): Promise<void> {
  const perms = isAdmin ? undefined : projectPermissionsOf(jira, projectKey);
  const admin = isAdmin ?? perms!.then((p) => p.ADMINISTER_PROJECTS === true);
  admin.catch(() => undefined); // awaited below, after the model: its error comes first
  const { model } = await (stored ?? threatModelOf(jira, projectKey));
  // A model read as the app (`stored`) proves nothing about the person: they must see the
  // project. A caller passing `isAdmin` asked Jira about an issue of it, which they see.
  if (stored && perms && !(await perms).BROWSE_PROJECTS)
    throw new AppError('NOT_FOUND', `Project ${projectKey} does not exist or you do not have permission to see it.`);
  if (!(await mayEditThreatModel(jira, { projectKey, accountId, isAdmin: admin }, model.settings))) {
    throw new AppError(
      'FORBIDDEN',
      `You can't edit ${projectKey}'s threat model. Project administrators and the roles or groups named in the app's project settings can.`,
    );
  }
}

/**
 * The same check, as the model lease's `beforeCreate`, with the lease's first look at its lock:
 * the model's properties and the lock are read as the app in one request, together with the
 * person's permissions, and the settings the check needs come from that read. So the check costs
 * no round trip of its own, the model is not read once more as the person, and nothing is
 * written before the check passes (the lease reads the model again once it holds the lock).
 */
export const asModelEditor = (jira: JiraClients, projectKey: string, accountId: string) => {
  const stored = modelWithLockOf(jira, projectKey);
  stored.catch(() => undefined); // awaited by the check, before anything is written
  return {
    lockRead: stored.then((s) => s.extra[LOCK_KEY]),
    beforeCreate: () => requireModelEditor(jira, projectKey, accountId, undefined, stored),
  };
};
