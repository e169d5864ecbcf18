import { AppError } from '../common/app-error';
import { isSameEdit, receiptFor } from '../common/edit-receipt';
import type { Threat } from '../threat-model/threat';
import { checkRevision, findThreat, reviseThreat, type Actor, type ThreatModel } from '../threat-model/threat-model';
import { MANUAL_EVENTS_MAX, type DetectionEventDraft, type ManualDetectionEvent } from './detection-event';

// Adding, changing and removing the detection events people write on a threat. Each names the
// threat's revision it started from, like any threat edit: a stale one is a conflict, and a
// retry of the very same change (its answer lost) is recognised by the threat's edit receipt.

export type DetectionEventChange =
  | { kind: 'add'; threatId: string; baseRevision: number; draft: DetectionEventDraft }
  | { kind: 'edit'; threatId: string; baseRevision: number; eventId: string; draft: DetectionEventDraft }
  | { kind: 'remove'; threatId: string; baseRevision: number; eventId: string };

const nextEventId = (events: ManualDetectionEvent[]): string =>
  `E-${Math.max(0, ...events.map((e) => Number(e.id.slice(2)))) + 1}`;

function findEvent(threat: Threat, eventId: string): ManualDetectionEvent {
  const event = threat.detectionEvents?.find((e) => e.id === eventId);
  if (!event)
    throw new AppError('NOT_FOUND', `${threat.id} has no detection event ${eventId}; it may have been removed.`);
  return event;
}

function changedEvents(threat: Threat, change: DetectionEventChange, actor: Actor): ManualDetectionEvent[] {
  const events = threat.detectionEvents ?? [];
  const stamp = { accountId: actor.accountId, at: actor.now };
  if (change.kind === 'add') {
    if (threat.state === 'retired')
      throw new AppError('BAD_REQUEST', `${threat.id} is retired; it needs no new detection events.`);
    if (events.length >= MANUAL_EVENTS_MAX)
      throw new AppError('BAD_REQUEST', `${threat.id} already has ${MANUAL_EVENTS_MAX} detection events.`);
    return [...events, { id: nextEventId(events), ...change.draft, created: stamp, updated: stamp }];
  }
  findEvent(threat, change.eventId);
  if (change.kind === 'remove') return events.filter((e) => e.id !== change.eventId);
  // The event keeps fields this version does not know (it is read loosely).
  return events.map((e) => (e.id === change.eventId ? { ...e, ...change.draft, updated: stamp } : e));
}

/** Applies one change to a threat's hand-written detection events; the threat gets a new revision. */
export function changeDetectionEvents(
  model: ThreatModel,
  change: DetectionEventChange,
  actor: Actor,
): { model: ThreatModel; threat: Threat } {
  const current = findThreat(model, change.threatId);
  const receipt = receiptFor(actor.accountId, change.baseRevision, { detectionEvent: change });
  if (current.revision === change.baseRevision + 1 && isSameEdit(current.lastEdit, receipt))
    return { model, threat: current };
  checkRevision(current, change.baseRevision);
  const events = changedEvents(current, change, actor);
  const { detectionEvents: _old, ...rest } = current;
  return reviseThreat(
    model,
    { ...rest, ...(events.length > 0 ? { detectionEvents: events } : {}), lastEdit: receipt },
    actor,
  );
}
