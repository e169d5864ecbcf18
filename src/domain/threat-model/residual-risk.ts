import type { Mitigation, MitigationStatus } from '../mitigation/mitigation';
import { severityScore } from './severity';
import type { Threat } from './threat';
import { pushTo } from '../common/group-by';

const IN_PLACE: ReadonlySet<MitigationStatus> = new Set(['implemented', 'existing']);
const COMING: ReadonlySet<MitigationStatus> = new Set(['planned', 'in-progress']);

/** Sum of the strengths (0-100 each) with which the counted mitigations address a threat. */
export function countedStrength(
  threatId: string,
  mitigations: Mitigation[],
  counts: (status: MitigationStatus) => boolean,
): number {
  return mitigations
    .filter((m) => counts(m.status))
    .reduce((sum, m) => sum + (m.addresses.find((a) => a.threatId === threatId)?.strength ?? 0), 0);
}

/** severity x (1 - min(1, counted strength / 100)): what is left of a threat's risk. */
export function residualRisk(
  threat: Threat,
  mitigations: Mitigation[],
  counts: (status: MitigationStatus) => boolean = (s) => IN_PLACE.has(s),
): number {
  const reduction = Math.min(1, countedStrength(threat.id, mitigations, counts) / 100);
  return severityScore(threat.probability, threat.impact) * (1 - reduction);
}

/** Residual risk once every planned or in-progress mitigation is done too. */
export const plannedRisk = (threat: Threat, mitigations: Mitigation[]): number =>
  residualRisk(threat, mitigations, (s) => IN_PLACE.has(s) || COMING.has(s));

export const isFullyMitigated = (threat: Threat, mitigations: Mitigation[]): boolean =>
  countedStrength(threat.id, mitigations, (s) => IN_PLACE.has(s)) >= 100;

export interface ProjectRisk {
  /** Sum of the residual risk of the active threats. */
  now: number;
  /** The same, if every planned or in-progress mitigation were done. */
  planned: number;
  /** Sum of the severities of the active threats, before any mitigation. */
  inherent: number;
}

/** Mitigations by the threats they address, so a model's risk costs one pass, not threats x mitigations. */
export function mitigationsByThreat(mitigations: Mitigation[]): Map<string, Mitigation[]> {
  const byThreat = new Map<string, Mitigation[]>();
  for (const m of mitigations) for (const a of m.addresses) pushTo(byThreat, a.threatId, m);
  return byThreat;
}

export function projectRisk(threats: Threat[], mitigations: Mitigation[]): ProjectRisk {
  const active = threats.filter((t) => t.state === 'active');
  const byThreat = mitigationsByThreat(mitigations);
  const own = (t: Threat) => byThreat.get(t.id) ?? [];
  return {
    now: active.reduce((sum, t) => sum + residualRisk(t, own(t)), 0),
    planned: active.reduce((sum, t) => sum + plannedRisk(t, own(t)), 0),
    inherent: active.reduce((sum, t) => sum + severityScore(t.probability, t.impact), 0),
  };
}
