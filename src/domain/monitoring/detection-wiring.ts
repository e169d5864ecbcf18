import { clip } from '../common/text-hygiene';
import { AppError } from '../common/app-error';
import type { DetectionEvent, KnowledgeBase, ThreatTemplate } from '../knowledge-base/knowledge-base';
import type { Mitigation, MitigationDraft } from '../mitigation/mitigation';
import type { Threat } from '../threat-model/threat';
import { addMitigation, findThreat, type Actor, type ThreatModel } from '../threat-model/threat-model';

// A detection event of a threat's knowledge-base template is "wired" by a detective mitigation
// whose source names the threat template and the event: operations build the alert as its task.

/** Where a threat's detection events come from, or why it has none. */
export type EventSource =
  | { kind: 'events'; knowledgeBase: KnowledgeBase; template: ThreatTemplate }
  | { kind: 'manual' }
  | { kind: 'knowledge-base-not-active'; knowledgeBaseId: string }
  | { kind: 'template-not-found'; knowledgeBase: KnowledgeBase; templateId: string }
  | { kind: 'no-events'; knowledgeBase: KnowledgeBase; template: ThreatTemplate };

export function eventSourceOf(threat: Threat, knowledgeBases: KnowledgeBase[]): EventSource {
  const { source } = threat;
  if (source.kind === 'manual') return { kind: 'manual' };
  const knowledgeBase = knowledgeBases.find((kb) => kb.id === source.knowledgeBaseId);
  if (!knowledgeBase) return { kind: 'knowledge-base-not-active', knowledgeBaseId: source.knowledgeBaseId };
  const template = knowledgeBase.threats.find((t) => t.id === source.templateId);
  if (!template) return { kind: 'template-not-found', knowledgeBase, templateId: source.templateId };
  return template.detectionEvents.length === 0
    ? { kind: 'no-events', knowledgeBase, template }
    : { kind: 'events', knowledgeBase, template };
}

/** The mitigation that wires the event for the threat, if there is one (one with a task first). */
export function wiringOf(model: ThreatModel, threat: Threat, eventId: string): Mitigation | undefined {
  if (threat.source.kind !== 'knowledge-base') return undefined;
  const { knowledgeBaseId, templateId } = threat.source;
  const wirings = model.mitigations.filter(
    (m) =>
      m.source?.kind === 'knowledge-base' &&
      m.source.knowledgeBaseId === knowledgeBaseId &&
      m.source.templateId === templateId &&
      m.source.detectionEventId === eventId &&
      m.addresses.some((a) => a.threatId === threat.id),
  );
  return wirings.find((m) => m.task !== null) ?? wirings[0];
}

export const VERIFY_ALERT =
  'Trigger the attack in a test environment and check that the alert fires and reaches whoever is on call.';

/** The detective mitigation that wires an event: the signal is what to build, the threat why. */
export function detectionDraft(threat: Threat, event: DetectionEvent): MitigationDraft {
  return {
    title: clip(`Alert: ${event.title}`, 200),
    implementation: `${event.signal}\n\nDetects ${threat.id}: ${threat.title}.`,
    verification: VERIFY_ALERT,
    controlType: 'detective',
    addresses: [{ threatId: threat.id, strength: 25 }],
    status: 'accepted',
    rejectionReason: '',
  };
}

/**
 * Finds or adds the mitigation that wires the threat's detection event. Refuses what has no
 * such event: an unknown or retired threat, one written by hand, one whose knowledge base is
 * not active, an event id its template does not name.
 */
export function wireDetectionEvent(
  model: ThreatModel,
  knowledgeBases: KnowledgeBase[],
  threatId: string,
  eventId: string,
  actor: Actor,
): { model: ThreatModel; mitigation: Mitigation; event: DetectionEvent; created: boolean } {
  const threat = findThreat(model, threatId);
  if (threat.state === 'retired')
    throw new AppError('BAD_REQUEST', `${threatId} is retired; its detection events need no alert.`);
  const source = eventSourceOf(threat, knowledgeBases);
  if (source.kind === 'manual')
    throw new AppError('BAD_REQUEST', `${threatId} was written by hand; it names no detection events.`);
  if (source.kind === 'knowledge-base-not-active')
    throw new AppError(
      'BAD_REQUEST',
      `${threatId} comes from the knowledge base "${source.knowledgeBaseId}", which is not active in this project.`,
    );
  if (source.kind === 'template-not-found')
    throw new AppError(
      'NOT_FOUND',
      `${threatId}'s template ${source.templateId} is no longer in "${source.knowledgeBase.name}".`,
    );
  const event = source.template.detectionEvents.find((e) => e.id === eventId);
  if (!event) throw new AppError('NOT_FOUND', `${threatId} has no detection event ${eventId}.`);
  const existing = wiringOf(model, threat, eventId);
  if (existing) return { model, mitigation: existing, event, created: false };
  const { knowledgeBase, template } = source;
  const added = addMitigation(model, detectionDraft(threat, event), actor, {
    kind: 'knowledge-base',
    knowledgeBaseId: knowledgeBase.id,
    templateId: template.id,
    version: knowledgeBase.version,
    detectionEventId: event.id,
  });
  return { model: added.model, mitigation: added.mitigation, event, created: true };
}
