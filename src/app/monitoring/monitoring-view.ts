import type { MonitoringView, TaskSummary } from '../../contract';
import { AppError } from '../../domain/common/app-error';
import { monitoringOf, type Monitoring } from '../../domain/monitoring/monitoring-view';
import type { ThreatModel } from '../../domain/threat-model/threat-model';
import type { JiraClient } from '../../jira/client/jira-client';
import { canEditThreatModel, projectPermissions } from '../../jira/client/permissions';
import { loadActiveKnowledgeBases } from '../../jira/knowledge-base/knowledge-base-repository';
import { findProjectTasks } from '../../jira/mitigation/mitigation-task-repository';
import { readThreatModel } from '../../jira/threat-model/threat-model-repository';
import type { JiraClients } from '../common/jira-clients';

/** Live statuses of the tasks of detection wirings: no search when none has a task. */
async function wiringTasks(
  user: JiraClient,
  projectKey: string,
  model: ThreatModel,
): Promise<Map<string, TaskSummary>> {
  if (!model.mitigations.some((m) => m.source?.detectionEventId !== undefined && m.task)) return new Map();
  const tasks = await findProjectTasks(user, projectKey);
  return new Map(
    tasks.map((t) => [t.id, { id: t.id, key: t.key, statusName: t.statusName, categoryKey: t.categoryKey }]),
  );
}

/**
 * The detection events of the active threats, for someone who may browse the project (no role
 * lookups). `alongside` runs with the knowledge-base and task reads, once the model is read.
 */
export async function readMonitoring<T = undefined>(
  jira: JiraClients,
  projectKey: string,
  alongside: (model: ThreatModel, perms: Record<string, boolean>) => Promise<T> = async () => undefined as T,
): Promise<{ monitoring: Monitoring; perms: Record<string, boolean>; problems: string[]; alongside: T }> {
  const { user } = jira;
  const [stored, perms] = await Promise.all([
    readThreatModel(user, projectKey),
    projectPermissions(user, projectKey, ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS', 'CREATE_ISSUES', 'LINK_ISSUES']),
  ]);
  if (!perms.BROWSE_PROJECTS) throw new AppError('FORBIDDEN', `You can't see project ${projectKey}.`);
  const { model } = stored;
  const [loaded, tasks, extra] = await Promise.all([
    loadActiveKnowledgeBases(user, projectKey, model.settings.knowledgeBases),
    wiringTasks(user, projectKey, model),
    alongside(model, perms),
  ]);
  return {
    monitoring: monitoringOf(model, loaded.knowledgeBases, tasks),
    perms,
    problems: [...stored.problems, ...loaded.problems],
    alongside: extra,
  };
}

/** The monitoring view: the detection events of the active threats, for someone who may browse the project. */
export async function monitoringView(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
): Promise<MonitoringView> {
  const { user, app } = jira;
  const {
    monitoring,
    perms,
    problems,
    alongside: canEdit,
  } = await readMonitoring(jira, projectKey, (model, perms) =>
    canEditThreatModel(
      user,
      app,
      { projectKey, accountId, isProjectAdmin: perms.ADMINISTER_PROJECTS === true },
      model.settings,
    ),
  );
  return {
    projectKey,
    ...monitoring,
    canEdit,
    canCreateTasks: perms.CREATE_ISSUES === true && perms.LINK_ISSUES === true,
    problems,
  };
}
