import { AppError } from '../../domain/common/app-error';
import { projectPermissionsOf } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';

/**
 * A mitigation's task is created and linked to its stories as the person: they need both
 * permissions. Read with the call's other project permissions (one request per call).
 */
export async function requireTaskCreator(jira: JiraClients, projectKey: string): Promise<void> {
  const perms = await projectPermissionsOf(jira, projectKey);
  if (!perms.CREATE_ISSUES) throw new AppError('FORBIDDEN', `You can't create tasks in ${projectKey}.`);
  if (!perms.LINK_ISSUES)
    throw new AppError(
      'FORBIDDEN',
      `You can't link issues in ${projectKey}, and the task must be linked to its stories.`,
    );
}
