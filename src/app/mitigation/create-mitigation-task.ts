import type { MitigationView, TaskCreation } from '../../contract';
import type { JiraClients } from '../common/jira-clients';
import { createTaskOnce } from './create-task-once';

/** "Create task" on a mitigation: its Jira task, created and linked once, as someone who may create and link issues. */
export async function createMitigationTask(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  { mitigationId }: TaskCreation,
): Promise<MitigationView> {
  return createTaskOnce(jira, projectKey, mitigationId, accountId);
}
