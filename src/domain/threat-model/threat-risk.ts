import type { Mitigation } from '../mitigation/mitigation';
import type { MitigationView } from '../mitigation/mitigation-view';
import { isFullyMitigated, plannedRisk, residualRisk, type RiskMitigation, type RiskRules } from './residual-risk';
import type { Threat } from './threat';

/** What is left of a threat's risk now, and once planned work is done. */
export interface ThreatRisk {
  residual: number;
  planned: number;
  fullyMitigated: boolean;
}

/** The project's risk: what is left now, once planned work is done, and before any mitigation. */
export interface ProjectRiskView {
  now: number;
  planned: number;
  inherent: number;
}

/** Views carry the task's live status; risk arithmetic needs status, strengths and whether the task is planned. */
export const asMitigations = (views: MitigationView[]): Array<Mitigation & Pick<RiskMitigation, 'taskInOpenSprint'>> =>
  views.map((m) => ({
    ...m,
    task: m.task ? { id: m.task.id, key: m.task.key } : null,
    ...(m.task?.inOpenSprint && m.task.categoryKey !== 'done' ? { taskInOpenSprint: true } : {}),
  }));

/** The mitigations' task summaries marked with whether each task sits in an open sprint (ids from one search). */
export const withOpenSprintTasks = (
  views: MitigationView[],
  openSprintTaskIds: ReadonlySet<string>,
): MitigationView[] =>
  views.map((m) =>
    m.task && openSprintTaskIds.has(m.task.id) ? { ...m, task: { ...m.task, inOpenSprint: true } } : m,
  );

export function threatRisk(threat: Threat, mitigations: RiskMitigation[], rules: RiskRules): ThreatRisk {
  return {
    residual: residualRisk(threat, mitigations, rules),
    planned: plannedRisk(threat, mitigations, rules),
    fullyMitigated: isFullyMitigated(threat, mitigations, rules),
  };
}
