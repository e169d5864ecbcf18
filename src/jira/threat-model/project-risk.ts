import { mitigationView } from '../../domain/mitigation/mitigation-view';
import type { MitigationView, TaskSummary } from '../../domain/mitigation/mitigation-view';
import { projectRisk, type ProjectRisk } from '../../domain/threat-model/residual-risk';
import { asMitigations } from '../../domain/threat-model/threat-risk';
import type { ThreatModel } from '../../domain/threat-model/threat-model';
import type { TaskRecord } from '../mitigation/mitigation-task-repository';

export interface LiveModel {
  mitigations: MitigationView[];
  tasks: TaskRecord[];
  risk: ProjectRisk;
}

/**
 * The model's mitigations with the live statuses of the tasks given (read by the caller: the
 * recorded tasks by id, see src/app/threat-model/recorded-tasks.ts), and the project's risk from
 * them, planned work counted by status alone (plannedLiveModel adds where the tasks sit).
 */
export function liveModelWith(tasks: TaskRecord[], model: ThreatModel): LiveModel {
  const byId = new Map<string, TaskSummary>(
    tasks.map((t) => [t.id, { id: t.id, key: t.key, statusName: t.statusName, categoryKey: t.categoryKey }]),
  );
  const mitigations = model.mitigations.map((m) => mitigationView(m, byId, model.settings.statusMapping));
  const risk = projectRisk(model.threats, asMitigations(mitigations), model.settings.risk);
  return { mitigations, tasks, risk };
}
