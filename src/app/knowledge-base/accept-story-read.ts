import { readIssueBesideTasks } from '../../jira/mitigation/mitigation-task-repository';
import { sprintFieldId } from '../../jira/story/clauses-field';
import { readStory, storyFromIssue, storyReadOf, type StoryRecord } from '../../jira/story/story-repository';
import { rememberTasksById } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';
import { lastViewTasks } from '../story/view-task-memory';

/**
 * The story an accept acts on, read as the person with `extraKeys` (its save locks), and, in the
 * same bulkfetch, the tasks its view showed last on this instance: the answer shows those tasks,
 * and reading them after the model (when their ids are known for sure) would be a request more.
 * The tasks are used only when the ids the answer works out from the model are exactly these
 * (the call's memo key); otherwise the answer reads them as before. When no tasks are expected,
 * or Jira leaves the story out of the bulkfetch, the story is read as readStory does (its errors
 * are then readStory's).
 */
export async function readStoryForAccept(
  jira: JiraClients,
  issueId: string,
  clausesFieldId: string,
  extraKeys: string[],
): Promise<StoryRecord> {
  const taskIds = lastViewTasks(jira.app.tenant, issueId);
  if (taskIds.length === 0) return readStory(jira.user, issueId, clausesFieldId, extraKeys);
  // As the view reads them: with the Sprint field when the site has one (the field list is cached).
  const sprintField = await sprintFieldId(jira.user).catch(() => undefined);
  const read = storyReadOf(clausesFieldId, extraKeys);
  const { issue, tasks } = await readIssueBesideTasks(jira.user, { id: issueId, ...read }, taskIds, sprintField);
  if (!issue) return readStory(jira.user, issueId, clausesFieldId, extraKeys);
  rememberTasksById(jira, taskIds, sprintField, tasks);
  return storyFromIssue(issue, clausesFieldId, extraKeys);
}
