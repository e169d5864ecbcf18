import type { Mitigation } from '../mitigation/mitigation';
import type { MitigationView, ThreatRisk } from '../resolver-contract';
import { isFullyMitigated, plannedRisk, residualRisk } from './residual-risk';
import type { Threat } from './threat';

/** Views carry the task's live status; risk arithmetic only needs status and strengths. */
export const asMitigations = (views: MitigationView[]): Mitigation[] =>
  views.map((m) => ({ ...m, task: m.task ? { id: m.task.id, key: m.task.key } : null }));

export function threatRisk(threat: Threat, mitigations: Mitigation[]): ThreatRisk {
  return {
    residual: residualRisk(threat, mitigations),
    planned: plannedRisk(threat, mitigations),
    fullyMitigated: isFullyMitigated(threat, mitigations),
  };
}
