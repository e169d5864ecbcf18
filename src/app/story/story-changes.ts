import type { StoryChanges, StorySeen } from '../../contract';
import { readStoryClauses } from '../../domain/story/story-clauses';
import { statusOf, UNKNOWN_STATUS, type IssueRecord } from '../../jira/client/jira-schemas';
import { JiraApiError } from '../../jira/client/jira-errors';
import { readIssuesById } from '../../jira/client/search-issues';
import { clausesField, sprintFieldId } from '../../jira/story/clauses-field';
import { readModelRevision } from '../../jira/threat-model/threat-model-repository';
import type { JiraClients } from '../common/jira-clients';
import { tasksStamp, type TaskState } from './story-changes-seen';

const projectKeyOf = (issue: IssueRecord): unknown => (issue.fields.project as { key?: unknown } | undefined)?.key;

/** A task as the check read it, in the form the view stamped it (tasksStamp). */
const taskState = (issue: IssueRecord, sprintField: string | undefined): TaskState => ({
  id: issue.id,
  key: issue.key,
  ...(statusOf(issue.fields.status) ?? UNKNOWN_STATUS),
  ...(sprintField ? { sprintValue: issue.fields[sprintField] } : {}),
});

/**
 * Whether the story panel's view may be out of date: the story's clauses were saved since (their
 * revision moved) or it left the project, the project's threat model was written since (every
 * model write moves the meta's revision), or a task the view read moved (status, sprint, key).
 * Two small reads as the person, side by side: the model's meta, and the story with those tasks
 * in one bulk fetch (as Jira has them now, not through the lagging search index), where the full
 * view reads the issue, the whole model, the tasks and the person's permissions. Jira leaves out
 * of the fetch every issue the person may not browse, so a task hidden from them counts in
 * neither the view's stamp nor this one. What cannot be read says "changed": the full read explains.
 */
export async function storyChanges(jira: JiraClients, issueId: string, seen: StorySeen): Promise<StoryChanges> {
  try {
    return { changed: await movedSince(jira, issueId, seen) };
  } catch (error) {
    // Jira refused or failed (a project the person cannot see, a busy site): the full read tells them.
    if (error instanceof JiraApiError) return { changed: true };
    throw error;
  }
}

async function movedSince(jira: JiraClients, issueId: string, seen: StorySeen): Promise<boolean> {
  const { user } = jira;
  const model = readModelRevision(user, seen.projectKey);
  model.catch(() => undefined); // awaited below; not unhandled while the fields are looked up
  // The site's field list, cached per site: on a warm instance no request.
  const [field, sprintField] = await Promise.all([
    clausesField(user),
    seen.taskIds.length > 0 ? sprintFieldId(user).catch(() => undefined) : undefined,
  ]);
  const fields = ['project', 'status', field.id, ...(sprintField ? [sprintField] : [])];
  const [{ revision }, issues] = await Promise.all([
    model,
    readIssuesById(user, [issueId, ...seen.taskIds], { fields }),
  ]);
  const story = issues.find((i) => i.id === issueId);
  if (!story || revision === null) return true;
  const clauses = readStoryClauses(story.fields[field.id]);
  // A value the app cannot read may change without its revision: the full view says what is wrong.
  if (clauses.problems.length > 0) return true;
  const asked = new Set(seen.taskIds);
  const tasks = issues.filter((i) => asked.has(i.id)).map((i) => taskState(i, sprintField));
  return (
    projectKeyOf(story) !== seen.projectKey ||
    clauses.revision !== seen.revision ||
    revision !== seen.modelRevision ||
    tasksStamp(tasks) !== seen.tasks
  );
}
