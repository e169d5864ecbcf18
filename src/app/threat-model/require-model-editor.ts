import { AppError } from '../../domain/common/app-error';
import { rememberProjectAdmin } from '../../jira/threat-model/last-seen-models';
import { headOf, type StoredThreatModel } from '../../jira/threat-model/threat-model-repository';
import {
  mayEditThreatModel,
  modelWithLockOf,
  projectPermissionsOf,
  readEditorsEarly,
  threatModelOf,
} from '../common/call-reads';
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
  admin.then((yes) => rememberProjectAdmin(jira.app.tenant, projectKey, accountId, yes)).catch(() => undefined);
  if (!(await mayEditThreatModel(jira, { projectKey, accountId, isAdmin: admin }, model.settings))) {
    throw new AppError(
      'FORBIDDEN',
      `You can't edit ${projectKey}'s threat model. Project administrators and the roles or groups named in the app's project settings can.`,
    );
  }
}

/**
 * The same check, as the model lease's `beforeCreate`, in the call's first round trip: the
 * model's properties with its locks, read as the app in one request, beside the person's
 * permissions and the roles the settings named when this instance last read them (their
 * members are read as the app; a person found administering the project needs none). The check
 * uses the settings of that read, so it costs no round trip of its own unless the settings now
 * name other roles; the model is not read once more as the person, and the lock is created only
 * once the check passes. The lease acts on that read (see tryModelTurn). `touching`: ids of the
 * records the edit changes, whose shards a large model's read asks for with the meta (readForEdit).
 */
export const asModelEditor = (jira: JiraClients, projectKey: string, accountId: string, touching: string[] = []) => {
  readEditorsEarly(jira, projectKey, accountId);
  const stored = modelWithLockOf(jira, projectKey, touching);
  stored.catch(() => undefined); // awaited by the check, before anything is written
  return {
    touching,
    firstRead: stored,
    // The settings are the read's head's (headOf): the lock need not wait for the rest of a large model.
    beforeCreate: () => requireModelEditor(jira, projectKey, accountId, undefined, headOf(stored)),
  };
};
