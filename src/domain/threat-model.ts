import { AppError } from './app-error';
import type { Mitigation } from './mitigation';
import type { ThreatModelSettings } from './resolver-contract';
import { Threat, ThreatDraft, threatNumber } from './threat';

export interface ThreatModel {
  threats: Threat[];
  mitigations: Mitigation[];
  /** Ids are never reused: the next new threat (mitigation) gets this number. */
  nextThreatNumber: number;
  nextMitigationNumber: number;
  settings: ThreatModelSettings;
}

export interface Actor {
  accountId: string;
  now: string;
}

export const emptyThreatModel = (): ThreatModel => ({
  threats: [],
  mitigations: [],
  nextThreatNumber: 1,
  nextMitigationNumber: 1,
  settings: { editorRoleIds: [], editorGroupIds: [] },
});

export function findThreat(model: ThreatModel, id: string): Threat {
  const threat = model.threats.find((t) => t.id === id);
  if (!threat) throw new AppError('NOT_FOUND', `Threat ${id} is not in this project's threat model.`);
  return threat;
}

export function addThreat(model: ThreatModel, draft: ThreatDraft, actor: Actor): { model: ThreatModel; threat: Threat } {
  const number = Math.max(model.nextThreatNumber, ...model.threats.map((t) => threatNumber(t.id) + 1));
  const stamp = { accountId: actor.accountId, at: actor.now };
  const threat: Threat = { ...draft, id: `T-${number}`, source: { kind: 'manual' }, state: 'active', created: stamp, updated: stamp, revision: 1 };
  return { model: { ...model, threats: [...model.threats, threat], nextThreatNumber: number + 1 }, threat };
}

/** Refuses an edit that started from an older revision: nobody's change is silently overwritten. */
function checkRevision(threat: Threat, baseRevision: number): void {
  if (threat.revision !== baseRevision) {
    throw new AppError('CONFLICT', `Someone else changed ${threat.id} while you were editing (your copy is revision ${baseRevision}, the saved one ${threat.revision}). Reload to see their version.`);
  }
}

function replaceThreat(model: ThreatModel, next: Threat): ThreatModel {
  return { ...model, threats: model.threats.map((t) => (t.id === next.id ? next : t)) };
}

export function editThreat(model: ThreatModel, id: string, baseRevision: number, draft: ThreatDraft, actor: Actor): { model: ThreatModel; threat: Threat } {
  const current = findThreat(model, id);
  checkRevision(current, baseRevision);
  const threat: Threat = { ...current, ...draft, updated: { accountId: actor.accountId, at: actor.now }, revision: current.revision + 1 };
  return { model: replaceThreat(model, threat), threat };
}

export function setThreatState(model: ThreatModel, id: string, baseRevision: number, state: Threat['state'], actor: Actor): { model: ThreatModel; threat: Threat } {
  const current = findThreat(model, id);
  checkRevision(current, baseRevision);
  if (current.state === state) return { model, threat: current };
  const threat: Threat = { ...current, state, updated: { accountId: actor.accountId, at: actor.now }, revision: current.revision + 1 };
  return { model: replaceThreat(model, threat), threat };
}
