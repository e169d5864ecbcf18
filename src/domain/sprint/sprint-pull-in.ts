import type { Mitigation } from '../mitigation/mitigation';
import {
  mitigationsByThreat,
  projectRisk,
  reducesRisk,
  residualRisk,
  riskRemovedBy,
  strengthAgainst,
} from '../threat-model/residual-risk';
import { toleranceOf } from '../threat-model/exposure-tier';
import type { RiskSettings } from '../threat-model/risk-settings';
import type { Threat } from '../threat-model/threat';
import { verificationFailed } from '../verification/verification-record';
import type { AfterSprintEffect, PullInItem, SprintMitigation, SprintThreat } from './sprint-view';

// The work a sprint's stories need that is not in it, weighed by the risk it removes, and the
// project's risk after the sprint that ticking it would lower (see after-sprint-preview).

/** What the pull-in list weighs mitigations with: the sprint's threats, every mitigation by threat, the rules. */
export interface Weighing {
  threats: Record<string, SprintThreat>;
  active: Map<string, Threat>;
  all: Map<string, Mitigation[]>;
  byId: Map<string, Mitigation>;
  settings: RiskSettings;
  after: AfterSprint;
}

/** How many of the stories that need a piece of work it names; the count says how many in all. */
export const STORY_KEYS_SHOWN = 5;

export function pullIn(
  mitigations: SprintMitigation[],
  { threats, active, all, byId, settings, after }: Weighing,
  storiesByThreat: Map<string, string[]>,
): PullInItem[] {
  return mitigations
    .filter(
      (m): m is SprintMitigation & { place: PullInItem['place'] } =>
        m.place === 'other-sprint' || m.place === 'backlog' || m.place === 'not-created',
    )
    .map((m) => {
      const addressed = m.addresses.filter((a) => a.threatId in threats);
      const mitigation = byId.get(m.id);
      const addressedThreats = addressed.flatMap((a) => active.get(a.threatId) ?? []);
      const riskRemoved = mitigation ? riskRemovedBy(mitigation, addressedThreats, all, settings) : 0;
      const needing = storiesNeeding(
        addressed.map((a) => storiesByThreat.get(a.threatId) ?? []),
        STORY_KEYS_SHOWN,
      );
      return {
        mitigationId: m.id,
        title: m.title,
        place: m.place,
        ...(m.otherSprintName ? { otherSprintName: m.otherSprintName } : {}),
        task: m.task,
        riskRemoved,
        threatIds: addressed.map((a) => a.threatId),
        storyKeys: needing.keys,
        storyCount: needing.count,
        effects: mitigation ? effectsOf(mitigation, active, settings, after) : [],
      };
    })
    .sort((a, b) => b.riskRemoved - a.riskRemoved || Number(a.mitigationId.slice(2)) - Number(b.mitigationId.slice(2)));
}

/**
 * The first `shown` distinct stories of the threats' lists, and how many distinct ones in all,
 * without copying the lists: one threat's list is already distinct, so only several need a set.
 */
function storiesNeeding(lists: string[][], shown: number): { keys: string[]; count: number } {
  if (lists.length === 1) return { keys: lists[0]!.slice(0, shown), count: lists[0]!.length };
  const seen = new Set<string>();
  const keys: string[] = [];
  for (const list of lists)
    for (const key of list) {
      if (seen.has(key)) continue;
      seen.add(key);
      if (keys.length < shown) keys.push(key);
    }
  return { keys, count: seen.size };
}

/** What the work would do to each active threat it lowers, once done (see AfterSprintEffect). */
function effectsOf(
  mitigation: Mitigation,
  active: Map<string, Threat>,
  settings: RiskSettings,
  after: AfterSprint,
): AfterSprintEffect[] {
  const done: Mitigation = { ...mitigation, status: 'implemented' };
  if (!reducesRisk(done, settings) || verificationFailed(done)) return [];
  const effects: AfterSprintEffect[] = [];
  const seen = new Set<string>();
  for (const { threatId } of mitigation.addresses) {
    const threat = active.get(threatId);
    if (!threat || seen.has(threatId)) continue;
    seen.add(threatId);
    effects.push({
      threatId,
      afterSprint: residualRisk(threat, after.byThreat.get(threatId) ?? [], settings),
      leaves: 1 - strengthAgainst(done, threatId) / 100,
    });
  }
  return effects;
}

/** The project's risk after the sprint, and every mitigation as it would be then, by threat. */
export interface AfterSprint {
  risk: { now: number; afterSprint: number; planned: number; tolerance: number };
  byThreat: Map<string, Mitigation[]>;
}

/** Risk now, if every task in this sprint were done, and once all planned work is done (isPlanned, as the project page says it). */
export function afterSprint(
  threats: Threat[],
  all: Mitigation[],
  planned: SprintMitigation[],
  settings: RiskSettings,
): AfterSprint {
  const inSprint = new Set(planned.filter((m) => m.place === 'this-sprint').map((m) => m.id));
  const after = all.map((m) => (inSprint.has(m.id) ? { ...m, status: 'implemented' as const } : m));
  const risk = projectRisk(threats, all, settings);
  return {
    risk: {
      now: risk.now,
      afterSprint: projectRisk(threats, after, settings).now,
      planned: risk.planned,
      tolerance: toleranceOf(settings),
    },
    byThreat: mitigationsByThreat(after),
  };
}
