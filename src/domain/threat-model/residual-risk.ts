import type { Mitigation, MitigationStatus } from '../mitigation/mitigation';
import { severityScore } from './severity';
import type { Threat } from './threat';
import { pushTo } from '../common/group-by';
import type { RiskSettings } from './risk-settings';
import { verificationFailed } from '../verification/verification-record';

// Residual risk, computed here and nowhere else (story panel, sprint view, project risk, risk
// history, audit, command line): independent controls combine multiplicatively. Each counted
// mitigation leaves (1 - strength/100) of what the others left, so two of 50% leave 25%, one of
// 100% leaves nothing, and their order does not matter:
//
//   residual = severity x product over counted mitigations of (1 - strength / 100)
//
// A mitigation counts when its status says it is in place (implemented, existing; for the
// planned figure also planned work: see isPlanned) and it is preventive or corrective. Detective
// ones (alerts) serve the response, not prevention: they count only when the project says so.

const IN_PLACE: ReadonlySet<MitigationStatus> = new Set(['implemented', 'existing']);
const COMING: ReadonlySet<MitigationStatus> = new Set(['planned', 'in-progress']);

/** Which controls lower residual risk: the project's `countDetective` setting. */
export type RiskRules = Pick<RiskSettings, 'countDetective'>;
export const DEFAULT_RISK_RULES: RiskRules = { countDetective: false };

export const inPlace = (status: MitigationStatus): boolean => IN_PLACE.has(status);
const inPlaceOrComing = (status: MitigationStatus): boolean => IN_PLACE.has(status) || COMING.has(status);

/** Whether a mitigation's kind of control may lower residual risk under the project's rules. */
export const reducesRisk = (mitigation: Pick<Mitigation, 'controlType'>, rules: RiskRules): boolean =>
  mitigation.controlType !== 'detective' || rules.countDetective;

/** The strength (0-100) with which a mitigation addresses a threat; 0 when it does not. */
export const strengthAgainst = (mitigation: Pick<Mitigation, 'addresses'>, threatId: string): number =>
  mitigation.addresses.find((a) => a.threatId === threatId)?.strength ?? 0;

/**
 * What risk arithmetic reads of a mitigation (lists that leave out its texts and stamps pass
 * this), and, for the planned figure, whether its task (not done) sits in an open sprint.
 */
export type RiskMitigation = Pick<Mitigation, 'addresses' | 'status' | 'controlType' | 'verifications'> & {
  taskInOpenSprint?: boolean;
};

/**
 * Planned work, one definition: a mitigation in place, marked planned or in progress, or
 * accepted with its task pulled into an open sprint (active or future), which is how a team
 * plans work even while the task is still To Do. A task in the backlog, or a proposed
 * mitigation, is not planned. Where a task sits comes from the caller (`taskInOpenSprint`): the
 * project page, its threat rows, the sprint view and the audit read it; a view that does not
 * counts by status alone.
 */
export const isPlanned = (m: Pick<RiskMitigation, 'status' | 'taskInOpenSprint'>): boolean =>
  inPlaceOrComing(m.status) || (m.status === 'accepted' && m.taskInOpenSprint === true);

const isInPlace = (m: Pick<RiskMitigation, 'status'>): boolean => inPlace(m.status);

/** The share (0-1) of a threat's risk the counted mitigations leave: the product of (1 - strength/100). */
export function remainingShare(
  threatId: string,
  mitigations: RiskMitigation[],
  rules: RiskRules,
  counts: (m: RiskMitigation) => boolean = isInPlace,
): number {
  return (
    mitigations
      // A mitigation in place whose newest verification failed (a security test still finds the
      // weakness) counts as not implemented.
      .filter((m) => counts(m) && reducesRisk(m, rules) && !verificationFailed(m))
      .reduce((left, m) => left * (1 - strengthAgainst(m, threatId) / 100), 1)
  );
}

/** severity x remainingShare: what is left of a threat's risk. */
export function residualRisk(
  threat: Threat,
  mitigations: RiskMitigation[],
  rules: RiskRules,
  counts: (m: RiskMitigation) => boolean = isInPlace,
): number {
  return severityScore(threat.probability, threat.impact) * remainingShare(threat.id, mitigations, rules, counts);
}

/** Residual risk once all planned work (see isPlanned) is done too. */
export const plannedRisk = (threat: Threat, mitigations: RiskMitigation[], rules: RiskRules): number =>
  residualRisk(threat, mitigations, rules, isPlanned);

/** Nothing is left: a counted mitigation in place addresses the threat completely. */
export const isFullyMitigated = (threat: Threat, mitigations: RiskMitigation[], rules: RiskRules): boolean =>
  remainingShare(threat.id, mitigations, rules) === 0;

/** remainingShare over a threat's mitigations, leaving one of them out: no copy of the list per call. */
function shareLeavingOut(threatId: string, mitigations: Mitigation[], leftOut: string, rules: RiskRules) {
  let share = 1;
  for (const m of mitigations) {
    if (m.id === leftOut || !inPlace(m.status) || !reducesRisk(m, rules) || verificationFailed(m)) continue;
    share *= 1 - strengthAgainst(m, threatId) / 100;
  }
  return share;
}

/**
 * The risk a mitigation takes away once done, given what is in place: for each threat it
 * addresses, the residual risk now less the residual risk with it in place too. It walks each
 * threat's list once and copies nothing: the sprint plan calls it for every piece of work to pull
 * in, and a copy of the threat's list per call made that quadratic in mitigations per threat.
 */
export function riskRemovedBy(
  mitigation: Mitigation,
  threats: Threat[],
  byThreat: Map<string, Mitigation[]>,
  rules: RiskRules,
): number {
  const done: Mitigation = { ...mitigation, status: 'implemented' };
  const doneCounts = reducesRisk(done, rules) && !verificationFailed(done);
  return threats.reduce((sum, t) => {
    const before = shareLeavingOut(t.id, byThreat.get(t.id) ?? [], mitigation.id, rules);
    const after = doneCounts ? before * (1 - strengthAgainst(done, t.id) / 100) : before;
    const severity = severityScore(t.probability, t.impact);
    return sum + severity * before - severity * after;
  }, 0);
}

export interface ProjectRisk {
  /** Sum of the residual risk of the active threats. */
  now: number;
  /** The same, once all planned work (see isPlanned) is done. */
  planned: number;
  /** Sum of the severities of the active threats, before any mitigation. */
  inherent: number;
}

/** Mitigations by the threats they address, so a model's risk costs one pass, not threats x mitigations. */
export function mitigationsByThreat<M extends Pick<Mitigation, 'addresses'>>(mitigations: M[]): Map<string, M[]> {
  const byThreat = new Map<string, M[]>();
  for (const m of mitigations) for (const a of m.addresses) pushTo(byThreat, a.threatId, m);
  return byThreat;
}

export function projectRisk(threats: Threat[], mitigations: RiskMitigation[], rules: RiskRules): ProjectRisk {
  const active = threats.filter((t) => t.state === 'active');
  const byThreat = mitigationsByThreat(mitigations);
  const own = (t: Threat) => byThreat.get(t.id) ?? [];
  return {
    now: active.reduce((sum, t) => sum + residualRisk(t, own(t), rules), 0),
    planned: active.reduce((sum, t) => sum + plannedRisk(t, own(t), rules), 0),
    inherent: active.reduce((sum, t) => sum + severityScore(t.probability, t.impact), 0),
  };
}
