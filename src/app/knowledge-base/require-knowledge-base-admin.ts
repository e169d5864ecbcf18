import type { JiraClient } from '../../jira/client/jira-client';
import { requireProjectAdmin } from '../common/require-project-admin';

/** Choosing, uploading and removing a project's knowledge bases is for its administrators. */
export const requireKnowledgeBaseAdmin = (user: JiraClient, projectKey: string): Promise<void> =>
  requireProjectAdmin(user, projectKey, 'choose and upload knowledge bases');
