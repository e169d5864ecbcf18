import type { MitigationView, TaskCreation } from '../../contract';
import type { JiraClients } from '../common/jira-clients';
import { createTaskOnce } from './create-task-once';
import { requireTaskCreator } from './require-task-creator';

/** "Create task" on a mitigation: its Jira task, created and linked once, as someone who may create and link issues. */
export async function createMitigationTask(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  { mitigationId }: TaskCreation,
): Promise<MitigationView> {
  // Before the lease: someone who may not create the task does not take the model's lock either.
  await requireTaskCreator(jira, projectKey);
  return createTaskOnce(jira, projectKey, mitigationId, accountId, { replaceGone: true });
}
