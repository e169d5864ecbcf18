import { AppError } from '../../domain/common/app-error';
import type { JiraClient } from '../../jira/client/jira-client';
import { projectPermissions } from '../../jira/client/permissions';

/** Whoever may browse the project may see and run its audit: it reports what they can already see. */
export async function requireAuditor(user: JiraClient, projectKey: string): Promise<void> {
  const perms = await projectPermissions(user, projectKey, ['BROWSE_PROJECTS']);
  if (!perms.BROWSE_PROJECTS)
    throw new AppError('FORBIDDEN', `You can't see project ${projectKey}, so you can't audit it.`);
}
