import { AppError } from '../../domain/common/app-error';
import { requireIssueOfProject } from '../../domain/common/issue-key';
import type { JiraClients } from '../common/jira-clients';
import { updateStoryClauses, type ClausesChange, type SavedClauses, type UpdateOptions } from './update-story-clauses';

/**
 * A change to a story offered by a view of one project (an audit fix, a sprint gap's fix): saved
 * as updateStoryClauses saves it, only while the story is still in that project. The key's prefix
 * is not proof: Jira still opens a moved issue by its old key, and the threat ids the change names
 * would then be another project's. Checked on the story read under its lock, before anything is
 * written. `again` tells the person what to do when it moved ("Run the audit again.").
 */
export async function updateProjectStory(
  jira: JiraClients,
  projectKey: string,
  issueKey: string,
  accountId: string,
  change: ClausesChange,
  again: string,
  options?: UpdateOptions,
): Promise<SavedClauses> {
  requireIssueOfProject(issueKey, projectKey);
  return updateStoryClauses(
    jira,
    issueKey,
    accountId,
    (before, story) => {
      if (story.projectKey !== projectKey)
        throw new AppError(
          'CONFLICT',
          `${issueKey} is now ${story.key} in ${story.projectKey}, not in ${projectKey}, so nothing was changed. ${again}`,
        );
      return change(before, story);
    },
    options,
  );
}
