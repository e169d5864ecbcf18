import { AppError } from '../../domain/common/app-error';
import type { JiraClient } from '../../jira/client/jira-client';
import { projectPermissions } from '../../jira/client/permissions';

/** The app's project settings are for project administrators; `toDo` says what, e.g. "change the app's settings". */
export async function requireProjectAdmin(user: JiraClient, projectKey: string, toDo: string): Promise<void> {
  const { ADMINISTER_PROJECTS } = await projectPermissions(user, projectKey, ['ADMINISTER_PROJECTS']);
  if (!ADMINISTER_PROJECTS) throw new AppError('FORBIDDEN', `Only administrators of ${projectKey} can ${toDo}.`);
}
