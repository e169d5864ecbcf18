import type { Mitigation } from '../../domain/mitigation/mitigation';
import type { JiraClient } from '../../jira/client/jira-client';
import { inProject, readTasksById, type TaskRecord } from '../../jira/mitigation/mitigation-task-repository';

/** Issues one bulkfetch answers (Jira's limit for POST /rest/api/3/issue/bulkfetch). */
const TASKS_PER_READ = 100;

/**
 * The tasks the model records for these mitigations, as Jira has them now, read by id: a
 * hundred a request, the requests side by side. A search for every task of the project pages
 * one page after another (17 round trips at 1,667 tasks); the model already names the issues
 * whose statuses count, so nothing else is read (see DESIGN, trust: a task counts only when
 * the model records it). Only the tasks Jira places in the project count: the model is a project
 * property its admins may write, so an id it records may be another project's issue (or a task
 * moved out), whose status must not show through this project's risk (found by a review).
 */
export async function recordedTasks(
  client: JiraClient,
  projectKey: string,
  mitigations: Mitigation[],
  /** The Sprint field's id: each task's sprints come along in the same requests. */
  sprintField?: string,
): Promise<TaskRecord[]> {
  const ids = [...new Set(mitigations.flatMap((m) => (m.task ? [m.task.id] : [])))];
  const chunks = Array.from({ length: Math.ceil(ids.length / TASKS_PER_READ) }, (_, i) =>
    ids.slice(i * TASKS_PER_READ, (i + 1) * TASKS_PER_READ),
  );
  const read = await Promise.all(chunks.map((chunk) => readTasksById(client, chunk, sprintField)));
  return read.flat().filter(inProject(projectKey));
}
