import type { KnowledgeBase } from '../knowledge-base/knowledge-base';
import type { Mitigation, MitigationStatus } from '../mitigation/mitigation';
import { mitigationView } from '../mitigation/mitigation-view';
import type { TaskSummary } from '../mitigation/mitigation-view';
import { severityOf, type Severity } from '../threat-model/severity';
import { threatNumber, type Threat } from '../threat-model/threat';
import type { ThreatModel } from '../threat-model/threat-model';
import { eventSourceOf, wiringOf, type EventSource } from './detection-wiring';

// The monitoring view: per active threat, the detection events its knowledge-base template
// names, so operations can wire alerts, each with the mitigation (and task) that wires it.

/** The detective mitigation that wires an event, with its task's live status. */
export interface DetectionWiringView {
  mitigationId: string;
  title: string;
  status: MitigationStatus;
  task: TaskSummary | null;
}

export interface MonitoredEvent {
  id: string;
  title: string;
  /** The log line or metric and the alert condition. */
  signal: string;
  /** When it fires, who responds and their first steps: written by hand (empty for template events). */
  threshold: string;
  responder: string;
  firstSteps: string;
  /** Written by hand on the threat (editable), or named by its knowledge-base template (read only). */
  origin: 'manual' | 'template';
  wiring: DetectionWiringView | null;
}

export interface MonitoredThreat {
  id: string;
  title: string;
  severity: Severity;
  /** The threat's revision, which a change of its hand-written events names. */
  revision: number;
  /** The knowledge base and template whose events it lists; null when all are written by hand. */
  knowledgeBase: { id: string; name: string } | null;
  templateId: string | null;
  events: MonitoredEvent[];
}

export type NoEventsReason = Exclude<EventSource['kind'], 'events'>;

/** Active threats with no known detection events, grouped by why. */
export interface ThreatsWithoutEvents {
  reason: NoEventsReason;
  /** The reason in a sentence, e.g. `From the knowledge base "x", which is not active here.` */
  text: string;
  threats: Array<{ id: string; title: string; severity: Severity; revision: number }>;
}

export interface Monitoring {
  /** Most severe first. */
  threats: MonitoredThreat[];
  withoutEvents: ThreatsWithoutEvents[];
  counts: { events: number; withTask: number };
}

export interface MonitoringView extends Monitoring {
  projectKey: string;
  /** Whether the person may edit the threat model (adds the detective mitigation). */
  canEdit: boolean;
  /** Whether the person may create and link issues. */
  canCreateTasks: boolean;
  problems: string[];
}

/** What `monitoring/create-task` answers: the event with its wiring and task. */
export interface MonitoredEventChange {
  threatId: string;
  event: MonitoredEvent;
}

const NO_DETAILS = { threshold: '', responder: '', firstSteps: '' };

/** A template's event as the view lists it. */
export const templateEvent = (
  event: { id: string; title: string; signal: string },
  wiring: DetectionWiringView | null,
): MonitoredEvent => ({
  id: event.id,
  title: event.title,
  signal: event.signal,
  ...NO_DETAILS,
  origin: 'template',
  wiring,
});

/** The events people wrote on the threat; they are alerts to build, not wired by a mitigation. */
const manualEvents = (threat: Threat): MonitoredEvent[] =>
  (threat.detectionEvents ?? []).map((e) => ({
    id: e.id,
    title: e.title,
    signal: e.signal,
    threshold: e.threshold,
    responder: e.responder,
    firstSteps: e.firstSteps,
    origin: 'manual',
    wiring: null,
  }));

const bySeverity = (a: Threat, b: Threat) =>
  severityOf(b).score - severityOf(a).score || threatNumber(a.id) - threatNumber(b.id);

function reasonText(source: Exclude<EventSource, { kind: 'events' }>): string {
  switch (source.kind) {
    case 'manual':
      return 'Written by hand: no knowledge base names their detection events.';
    case 'knowledge-base-not-active':
      return `From the knowledge base "${source.knowledgeBaseId}", which is not active here.`;
    case 'template-not-found':
      return `Their template is no longer in the knowledge base "${source.knowledgeBase.name}".`;
    case 'no-events':
      return `Their template in "${source.knowledgeBase.name}" names no detection events.`;
  }
}

function wiringView(mitigation: Mitigation, tasks: Map<string, TaskSummary>, model: ThreatModel): DetectionWiringView {
  const view = mitigationView(mitigation, tasks, model.settings.statusMapping);
  return { mitigationId: view.id, title: view.title, status: view.status, task: view.task };
}

/** The monitoring view of the model's active threats; `tasks` holds the live tasks by issue id. */
export function monitoringOf(
  model: ThreatModel,
  knowledgeBases: KnowledgeBase[],
  tasks: Map<string, TaskSummary>,
): Monitoring {
  const threats: MonitoredThreat[] = [];
  const groups = new Map<string, ThreatsWithoutEvents>();
  for (const threat of model.threats.filter((t) => t.state === 'active').sort(bySeverity)) {
    const source = eventSourceOf(threat, knowledgeBases);
    const manual = manualEvents(threat);
    if (source.kind !== 'events' && manual.length === 0) {
      const text = reasonText(source);
      const group = groups.get(text) ?? { reason: source.kind, text, threats: [] };
      group.threats.push({
        id: threat.id,
        title: threat.title,
        severity: severityOf(threat),
        revision: threat.revision,
      });
      groups.set(text, group);
      continue;
    }
    const fromTemplate =
      source.kind === 'events'
        ? source.template.detectionEvents.map((event) => {
            const wiring = wiringOf(model, threat, event.id);
            return templateEvent(event, wiring ? wiringView(wiring, tasks, model) : null);
          })
        : [];
    threats.push({
      id: threat.id,
      title: threat.title,
      severity: severityOf(threat),
      revision: threat.revision,
      knowledgeBase: source.kind === 'events' ? { id: source.knowledgeBase.id, name: source.knowledgeBase.name } : null,
      templateId: source.kind === 'events' ? source.template.id : null,
      events: [...fromTemplate, ...manual],
    });
  }
  const events = threats.flatMap((t) => t.events);
  return {
    threats,
    withoutEvents: [...groups.values()],
    counts: { events: events.length, withTask: events.filter((e) => e.wiring?.task).length },
  };
}
