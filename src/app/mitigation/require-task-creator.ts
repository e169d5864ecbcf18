import { AppError } from '../../domain/common/app-error';
import type { JiraClient } from '../../jira/client/jira-client';
import { projectPermissions } from '../../jira/client/permissions';

/** A mitigation's task is created and linked to its stories as the person: they need both permissions. */
export async function requireTaskCreator(user: JiraClient, projectKey: string): Promise<void> {
  const perms = await projectPermissions(user, projectKey, ['CREATE_ISSUES', 'LINK_ISSUES']);
  if (!perms.CREATE_ISSUES) throw new AppError('FORBIDDEN', `You can't create tasks in ${projectKey}.`);
  if (!perms.LINK_ISSUES)
    throw new AppError(
      'FORBIDDEN',
      `You can't link issues in ${projectKey}, and the task must be linked to its stories.`,
    );
}
