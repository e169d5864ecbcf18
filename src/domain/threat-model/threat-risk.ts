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

/** Views carry the task's live status; risk arithmetic only needs status and strengths. */
export const asMitigations = (views: MitigationView[]): Mitigation[] =>
  views.map((m) => ({ ...m, task: m.task ? { id: m.task.id, key: m.task.key } : null }));

export function threatRisk(threat: Threat, mitigations: RiskMitigation[], rules: RiskRules): ThreatRisk {
  return {
    residual: residualRisk(threat, mitigations, rules),
    planned: plannedRisk(threat, mitigations, rules),
    fullyMitigated: isFullyMitigated(threat, mitigations, rules),
  };
}
