import { AppError } from '../../domain/common/app-error';
import { projectPermissionsOf } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';

/** Whoever may browse the project may see and run its audit: it reports what they can already see. */
export async function requireAuditor(jira: JiraClients, projectKey: string): Promise<void> {
  const perms = await projectPermissionsOf(jira, projectKey);
  if (!perms.BROWSE_PROJECTS)
    throw new AppError('FORBIDDEN', `You can't see project ${projectKey}, so you can't audit it.`);
}
