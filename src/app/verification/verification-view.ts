import { shownOf, type VerificationPage, type VerificationView } from '../../contract';
import { AppError } from '../../domain/common/app-error';
import { verificationOf } from '../../domain/verification/verification-view';
import { mayEditThreatModel, projectPermissionsOf, threatModelOf } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';

/**
 * A page of the Verification tab, for someone who may browse the project: the model and
 * permissions, read once.
 */
export async function verificationView(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  page?: VerificationPage,
): Promise<VerificationView> {
  const [stored, perms] = await Promise.all([threatModelOf(jira, projectKey), projectPermissionsOf(jira, projectKey)]);
  if (!perms.BROWSE_PROJECTS) throw new AppError('FORBIDDEN', `You can't see project ${projectKey}.`);
  const canEdit = await mayEditThreatModel(
    jira,
    { projectKey, accountId, isAdmin: Promise.resolve(perms.ADMINISTER_PROJECTS === true) },
    stored.model.settings,
  );
  return { projectKey, ...verificationOf(stored.model, shownOf(page)), canEdit, problems: stored.problems };
}
