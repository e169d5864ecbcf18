import type { SprintPlanView, SprintTaskAdd } from '../../contract';
import { AppError } from '../../domain/common/app-error';
import { moveToSprint } from '../../jira/sprint/sprint-repository';
import { projectPermissionsOf } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';
import { createTaskOnce } from '../mitigation/create-task-once';
import { sprintPlanView } from './sprint-plan-view';
import { windowOf } from './sprint-window-of';

/** "Add to sprint": each mitigation's task, created once, moved into the sprint as the person. */
export async function addTasksToSprint(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  { sprintId, mitigationIds, storyOffset, pullInLimit }: SprintTaskAdd,
): Promise<SprintPlanView> {
  const perms = await projectPermissionsOf(jira, projectKey);
  if (!perms.SCHEDULE_ISSUES || !perms.EDIT_ISSUES)
    throw new AppError('FORBIDDEN', `You need permission to schedule issues in ${projectKey} to add work to a sprint.`);
  const tasks: Array<{ id: string; key: string }> = [];
  for (const mitigationId of mitigationIds) {
    const mitigation = await createTaskOnce(jira, projectKey, mitigationId, accountId);
    if (mitigation.task) tasks.push(mitigation.task);
  }
  await moveToSprint(
    jira.user,
    sprintId,
    tasks.map((t) => t.key),
  );
  // Jira's search is not read-after-write consistent: the plan names the moved tasks to reconcile.
  // The answer shows the page the person was on, and names the moved work's tasks wherever it is.
  return sprintPlanView(
    jira,
    projectKey,
    accountId,
    sprintId,
    windowOf({ storyOffset, pullInLimit }, mitigationIds),
    tasks.map((t) => t.id),
  );
}
