import { AppError } from '../common/app-error';
import { isSameEdit, receiptFor } from '../common/edit-receipt';
import type { Mitigation, MitigationDraft, MitigationSource, MitigationStatus } from '../mitigation/mitigation';
import { DEFAULT_KNOWLEDGE_BASE_SETTINGS } from '../knowledge-base/knowledge-base-settings';
import { DEFAULT_STATUS_MAPPING } from '../mitigation/task-status';
import type { ThreatModelSettings } from './threat-model-settings';
import { DEFAULT_RISK_SETTINGS } from './risk-settings';
import { type Threat, type ThreatDraft, type ThreatSource, threatNumber } from './threat';
import { DEFAULT_STORY_COVERAGE_SETTINGS } from '../audit/story-coverage-settings';

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
  settings: {
    editorRoleIds: [],
    editorGroupIds: [],
    taskIssueTypeName: 'Task',
    statusMapping: DEFAULT_STATUS_MAPPING,
    knowledgeBases: DEFAULT_KNOWLEDGE_BASE_SETTINGS,
    storyCoverage: DEFAULT_STORY_COVERAGE_SETTINGS,
    risk: DEFAULT_RISK_SETTINGS,
  },
});

export function findThreat(model: ThreatModel, id: string): Threat {
  const threat = model.threats.find((t) => t.id === id);
  if (!threat) throw new AppError('NOT_FOUND', `Threat ${id} is not in this project's threat model.`);
  return threat;
}

export function addThreat(
  model: ThreatModel,
  draft: ThreatDraft,
  actor: Actor,
  source: ThreatSource = { kind: 'manual' },
): { model: ThreatModel; threat: Threat } {
  // A loop, not Math.max(...list): an edit's cost should not grow with a copy of every id.
  let number = model.nextThreatNumber;
  for (const t of model.threats) number = Math.max(number, threatNumber(t.id) + 1);
  const stamp = { accountId: actor.accountId, at: actor.now };
  const threat: Threat = {
    ...draft,
    id: `T-${number}`,
    source,
    state: 'active',
    created: stamp,
    updated: stamp,
    revision: 1,
  };
  return { model: { ...model, threats: [...model.threats, threat], nextThreatNumber: number + 1 }, threat };
}

/** Refuses an edit that started from an older revision: nobody's change is silently overwritten. */
export function checkRevision(threat: Threat, baseRevision: number): void {
  if (threat.revision !== baseRevision) {
    throw new AppError(
      'CONFLICT',
      `Someone else changed ${threat.id} while you were editing (your copy is revision ${baseRevision}, the saved one ${threat.revision}). Reload to see their version.`,
    );
  }
}

/**
 * A stored threat with changes (`changed` carries the stored revision): stamped by the actor,
 * one revision on, in place of the old one in the model.
 */
export function reviseThreat(
  model: ThreatModel,
  changed: Threat,
  actor: Actor,
): { model: ThreatModel; threat: Threat } {
  const threat: Threat = {
    ...changed,
    updated: { accountId: actor.accountId, at: actor.now },
    revision: changed.revision + 1,
  };
  return { model: { ...model, threats: model.threats.map((t) => (t.id === threat.id ? threat : t)) }, threat };
}

export function editThreat(
  model: ThreatModel,
  id: string,
  baseRevision: number,
  draft: ThreatDraft,
  actor: Actor,
): { model: ThreatModel; threat: Threat } {
  const current = findThreat(model, id);
  const receipt = receiptFor(actor.accountId, baseRevision, draft);
  if (current.revision === baseRevision + 1 && isSameEdit(current.lastEdit, receipt)) return { model, threat: current };
  checkRevision(current, baseRevision);
  return reviseThreat(model, { ...current, ...draft, lastEdit: receipt }, actor);
}

export function setThreatState(
  model: ThreatModel,
  id: string,
  baseRevision: number,
  state: Threat['state'],
  actor: Actor,
): { model: ThreatModel; threat: Threat } {
  const current = findThreat(model, id);
  const receipt = receiptFor(actor.accountId, baseRevision, { state });
  if (current.revision === baseRevision + 1 && isSameEdit(current.lastEdit, receipt)) return { model, threat: current };
  checkRevision(current, baseRevision);
  if (current.state === state) return { model, threat: current };
  return reviseThreat(model, { ...current, state, lastEdit: receipt }, actor);
}

export function findMitigation(model: ThreatModel, id: string): Mitigation {
  const mitigation = model.mitigations.find((m) => m.id === id);
  if (!mitigation) throw new AppError('NOT_FOUND', `Mitigation ${id} is not in this project's threat model.`);
  return mitigation;
}

function replaceMitigation(model: ThreatModel, next: Mitigation): ThreatModel {
  return { ...model, mitigations: model.mitigations.map((m) => (m.id === next.id ? next : m)) };
}

/** Every threat a mitigation names must be in the model (retired ones may stay named). */
function checkAddressedThreats(model: ThreatModel, draft: MitigationDraft, before: string[] = []): void {
  for (const { threatId } of draft.addresses) {
    const threat = model.threats.find((t) => t.id === threatId);
    if (!threat) throw new AppError('BAD_REQUEST', `${threatId} is not in this project's threat model.`);
    if (threat.state === 'retired' && !before.includes(threatId))
      throw new AppError('BAD_REQUEST', `${threatId} is retired; a new mitigation cannot address it.`);
  }
}

export function addMitigation(
  model: ThreatModel,
  draft: MitigationDraft,
  actor: Actor,
  source?: MitigationSource,
): { model: ThreatModel; mitigation: Mitigation } {
  checkAddressedThreats(model, draft);
  let number = model.nextMitigationNumber;
  for (const m of model.mitigations) number = Math.max(number, Number(m.id.slice(2)) + 1);
  const stamp = { accountId: actor.accountId, at: actor.now };
  const mitigation: Mitigation = {
    ...draft,
    id: `M-${number}`,
    task: null,
    created: stamp,
    updated: stamp,
    revision: 1,
    ...(source ? { source } : {}),
  };
  return {
    model: { ...model, mitigations: [...model.mitigations, mitigation], nextMitigationNumber: number + 1 },
    mitigation,
  };
}

export function editMitigation(
  model: ThreatModel,
  id: string,
  baseRevision: number,
  draft: MitigationDraft,
  actor: Actor,
): { model: ThreatModel; mitigation: Mitigation } {
  const current = findMitigation(model, id);
  const receipt = receiptFor(actor.accountId, baseRevision, draft);
  if (current.revision === baseRevision + 1 && isSameEdit(current.lastEdit, receipt))
    return { model, mitigation: current };
  if (current.revision !== baseRevision) {
    throw new AppError('CONFLICT', `Someone else changed ${id} while you were editing. Reload to see their version.`);
  }
  checkAddressedThreats(
    model,
    draft,
    current.addresses.map((a) => a.threatId),
  );
  const mitigation: Mitigation = {
    ...current,
    ...draft,
    lastEdit: receipt,
    updated: { accountId: actor.accountId, at: actor.now },
    revision: current.revision + 1,
  };
  return { model: replaceMitigation(model, mitigation), mitigation };
}

/**
 * Records, before the app creates a mitigation's task, the claim that task will carry.
 * `replacing`: the task recorded is no longer the mitigation's task (see createTaskOnce) and goes;
 * else it stays, and a task created under the claim is refused (attachTask).
 */
export function claimTask(
  model: ThreatModel,
  id: string,
  claimId: string,
  actor: Actor,
  replacing = false,
): ThreatModel {
  const current = findMitigation(model, id);
  return replaceMitigation(model, {
    ...current,
    ...(replacing ? { task: null } : {}),
    taskClaim: { id: claimId, accountId: actor.accountId, at: actor.now },
  });
}

/**
 * Records the task that carries a mitigation; accepting it, if it was only proposed. `claimId`:
 * the claim the task was created under (see claimTask); the task is recorded only while that
 * claim is the mitigation's and no task is, so a task created twice is never recorded over another.
 */
export function attachTask(
  model: ThreatModel,
  id: string,
  task: { id: string; key: string },
  actor: Actor,
  claimId?: string,
): { model: ThreatModel; mitigation: Mitigation } {
  const found = findMitigation(model, id);
  if (claimId !== undefined && (found.task || found.taskClaim?.id !== claimId))
    throw new AppError(
      'CONFLICT',
      `${id} changed while its task ${task.key} was being created, so ${task.key} was not recorded on it. Reload ${id} to see its task.`,
    );
  const { taskClaim: _done, ...current } = found;
  const status = current.status === 'proposed' ? 'accepted' : current.status;
  const mitigation: Mitigation = {
    ...current,
    // Its id and key only: a caller may hand a whole issue record (an adopted task, read as the
    // person), whose links and fields must not go into the model everyone who browses reads.
    task: { id: task.id, key: task.key },
    status,
    updated: { accountId: actor.accountId, at: actor.now },
    revision: current.revision + 1,
  };
  return { model: replaceMitigation(model, mitigation), mitigation };
}

/** The status the mitigation's task says it has; no new revision when nothing changed. */
export function followTaskStatus(
  model: ThreatModel,
  id: string,
  status: MitigationStatus,
  actor: Actor,
): { model: ThreatModel; changed: boolean } {
  const current = findMitigation(model, id);
  if (current.status === status || current.status === 'rejected') return { model, changed: false };
  const mitigation: Mitigation = {
    ...current,
    status,
    updated: { accountId: actor.accountId, at: actor.now },
    revision: current.revision + 1,
  };
  return { model: replaceMitigation(model, mitigation), changed: true };
}
