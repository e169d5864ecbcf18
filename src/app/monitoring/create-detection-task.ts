import type { MonitoredEventChange, MonitoringCreateTask } from '../../contract';
import type { Mitigation } from '../../domain/mitigation/mitigation';
import { storedTaskSummary } from '../../domain/mitigation/mitigation-view';
import { wireDetectionEvent } from '../../domain/monitoring/detection-wiring';
import { templateEvent, type DetectionWiringView } from '../../domain/monitoring/monitoring-view';
import { loadActiveKnowledgeBases } from '../../jira/knowledge-base/knowledge-base-repository';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';
import type { JiraClients } from '../common/jira-clients';
import { createTaskOnce } from '../mitigation/create-task-once';
import { requireTaskCreator } from '../mitigation/require-task-creator';
import { requireModelEditor } from '../threat-model/require-model-editor';

/**
 * The wiring with its task, created once. A task attached earlier (a second click) needs no
 * second lease; its status is the one the model stored, which the status trigger keeps in step
 * and the next monitoring view reads live.
 */
async function wiringWithTask(
  jira: JiraClients,
  projectKey: string,
  mitigation: Mitigation,
  accountId: string,
): Promise<DetectionWiringView> {
  const { id: mitigationId, title } = mitigation;
  if (mitigation.task)
    return {
      mitigationId,
      title,
      status: mitigation.status,
      task: storedTaskSummary(mitigation.task, mitigation.status),
    };
  const { status, task } = await createTaskOnce(jira, projectKey, mitigationId, accountId);
  return { mitigationId, title, status, task };
}

/** The monitoring view's "Create task": the detective mitigation that wires the event, then its task. */
export async function createDetectionTask(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  { threatId, eventId }: MonitoringCreateTask,
): Promise<MonitoredEventChange> {
  const { user, app } = jira;
  await requireModelEditor(jira, projectKey, accountId);
  await requireTaskCreator(jira, projectKey);
  const actor = { accountId, now: new Date().toISOString() };
  const { mitigation, event } = await changeThreatModel(app, projectKey, accountId, async (model) => {
    const { knowledgeBases } = await loadActiveKnowledgeBases(user, projectKey, model.settings.knowledgeBases);
    const wired = wireDetectionEvent(model, knowledgeBases, threatId, eventId, actor);
    return { model: wired.model, result: wired };
  });
  const wiring = await wiringWithTask(jira, projectKey, mitigation, accountId);
  return { threatId, event: templateEvent(event, wiring) };
}
