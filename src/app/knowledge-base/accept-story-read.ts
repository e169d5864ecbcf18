import { readIssueBesideTasks } from '../../jira/mitigation/mitigation-task-repository';
import { sprintFieldId } from '../../jira/story/clauses-field';
import { storyLockKeysForBulkRead, storyLockWindow } from '../../jira/story/story-save-lock';
import { readStory, storyFromIssue, storyReadOf, type StoryRecord } from '../../jira/story/story-repository';
import { rememberTasksById } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';
import { lastViewTasks } from '../story/view-task-memory';

/** A bulkfetch answers 100 issues: the story and at most 99 tasks. */
const BULK_MAX = 100;

/** The story with the lock keys its read asked for (the story's turn must know which it did not). */
export interface AcceptStoryRead {
  story: StoryRecord;
  keys: string[];
}

/**
 * The story an accept acts on, read as the person with its save locks, and, in the same
 * bulkfetch, the tasks the answer is likely to show: those its view showed last on this instance,
 * and those the person's panel showed (`hintedTaskIds`, frontend input). Reading them after the
 * model (when their ids are known for sure) would be a request more. Both are guesses that only
 * pick what is read, as the person (Jira leaves out what they may not browse): each guess's tasks
 * are used only when the ids the answer works out from the model are exactly that guess (the
 * call's memo key); otherwise the answer reads them as before. A bulkfetch returns at most five
 * issue properties, so it asks for the fewer lock keys of storyLockKeysForBulkRead. When no tasks
 * are guessed, or Jira leaves the story out of the bulkfetch, the story is read as readStory does,
 * with its whole lock window (its errors are then readStory's).
 */
export async function readStoryForAccept(
  jira: JiraClients,
  issueId: string,
  clausesFieldId: string,
  baseRevision: number,
  hintedTaskIds: string[] = [],
): Promise<AcceptStoryRead> {
  const alone = async (): Promise<AcceptStoryRead> => {
    const keys = storyLockWindow(baseRevision);
    return { story: await readStory(jira.user, issueId, clausesFieldId, keys), keys };
  };
  const guesses = taskGuesses(issueId, [lastViewTasks(jira.app.tenant, issueId), hintedTaskIds]);
  if (guesses.length === 0) return alone();
  const taskIds = [...new Set(guesses.flat())];
  // As the view reads them: with the Sprint field when the site has one (the field list is cached).
  const sprintField = await sprintFieldId(jira.user).catch(() => undefined);
  const keys = storyLockKeysForBulkRead(baseRevision);
  const read = storyReadOf(clausesFieldId, keys);
  const { issue, tasks } = await readIssueBesideTasks(jira.user, { id: issueId, ...read }, taskIds, sprintField);
  if (!issue) return alone();
  // A guess's tasks are what a bulkfetch of that guess alone would have answered in this request.
  for (const guess of guesses)
    rememberTasksById(
      jira,
      guess,
      sprintField,
      tasks.filter((t) => guess.includes(t.id)),
    );
  return { story: storyFromIssue(issue, clausesFieldId, keys), keys };
}

/**
 * The distinct, non-empty guesses that fit one bulkfetch beside the story together; when the
 * union does not fit, the first one alone (the instance's own record before the frontend's).
 */
function taskGuesses(issueId: string, candidates: string[][]): string[][] {
  const fits = (ids: string[]) => new Set([issueId, ...ids]).size <= BULK_MAX;
  const guesses: string[][] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const ids = [...new Set(candidate)].sort();
    const key = ids.join(',');
    if (ids.length === 0 || seen.has(key) || !fits(ids)) continue;
    seen.add(key);
    guesses.push(ids);
  }
  return fits(guesses.flat()) ? guesses : guesses.slice(0, 1);
}
