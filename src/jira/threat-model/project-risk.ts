import { mitigationView } from '../../domain/mitigation/mitigation-view';
import type { MitigationView, TaskSummary } from '../../domain/mitigation/mitigation-view';
import { projectRisk, type ProjectRisk } from '../../domain/threat-model/residual-risk';
import { asMitigations } from '../../domain/threat-model/threat-risk';
import type { ThreatModel } from '../../domain/threat-model/threat-model';
import type { JiraClient } from '../client/jira-client';
import { findProjectTasks, type TaskRecord } from '../mitigation/mitigation-task-repository';
import { dayOf } from '../../domain/threat-model/risk-history';
import { saveRiskPoint } from './risk-history-repository';
import { readThreatModel } from './threat-model-repository';

export interface LiveModel {
  mitigations: MitigationView[];
  tasks: TaskRecord[];
  risk: ProjectRisk;
}

/**
 * The model's mitigations with their tasks' live statuses, and the project's risk from
 * them: one search for all tasks, whatever their number.
 */
export async function liveModel(
  client: JiraClient,
  projectKey: string,
  model: ThreatModel,
  sprintField?: string,
): Promise<LiveModel> {
  return liveModelWith(await findProjectTasks(client, projectKey, sprintField), model);
}

/** The same, from the project's tasks read already (one search, see findProjectTasks). */
export function liveModelWith(tasks: TaskRecord[], model: ThreatModel): LiveModel {
  const byId = new Map<string, TaskSummary>(
    tasks.map((t) => [t.id, { id: t.id, key: t.key, statusName: t.statusName, categoryKey: t.categoryKey }]),
  );
  const mitigations = model.mitigations.map((m) => mitigationView(m, byId, model.settings.statusMapping));
  const risk = projectRisk(model.threats, asMitigations(mitigations), model.settings.risk);
  return { mitigations, tasks, risk };
}

/** Records today's risk point of a project, as the app; `model` when the caller has just read or written it. */
export async function recordRiskPoint(
  app: JiraClient,
  projectKey: string,
  now: string,
  model?: ThreatModel,
): Promise<void> {
  const current = model ?? (await readThreatModel(app, projectKey)).model;
  const { risk } = await liveModel(app, projectKey, current);
  await saveRiskPoint(app, projectKey, { date: dayOf(now), now: risk.now, planned: risk.planned });
}
