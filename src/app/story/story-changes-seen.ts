import { createHash } from 'node:crypto';
import { STORY_CHECK_TASKS, type StorySeen } from '../../contract';

/** What a story view shows of a task, as Jira answered it (a TaskRecord has all of it). */
export interface TaskState {
  id: string;
  key: string;
  statusName: string;
  categoryKey: string;
  /** The raw Sprint field: where it sits is what the planned risk reads (isPlanned). */
  sprintValue?: unknown;
}

/**
 * A digest of the tasks a story view read. The view and its check both stamp exactly the tasks
 * Jira answered for the person (bulkfetch leaves out what they may not browse), so a task hidden
 * from them is in neither stamp: whatever happens to it, the check answers the same.
 */
export function tasksStamp(tasks: TaskState[]): string {
  const lines = tasks
    .map((t) => JSON.stringify([t.id, t.key, t.statusName, t.categoryKey, t.sprintValue ?? null]))
    .sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 32);
}

/** What `story/changes` is asked about a view; null when one check could not cover its tasks. */
export function storySeenOf(
  view: { projectKey: string; revision: number; modelRevision: number },
  taskIds: string[],
  tasks: TaskState[],
): StorySeen | null {
  const ids = [...new Set(taskIds)];
  if (ids.length > STORY_CHECK_TASKS || !/^[A-Z][A-Z0-9_]{0,19}$/.test(view.projectKey)) return null;
  return { ...view, taskIds: ids, tasks: tasksStamp(tasks) };
}
