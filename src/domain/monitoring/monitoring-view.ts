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
  wiring: DetectionWiringView | null;
}

export interface MonitoredThreat {
  id: string;
  title: string;
  severity: Severity;
  knowledgeBase: { id: string; name: string };
  templateId: string;
  events: MonitoredEvent[];
}

export type NoEventsReason = Exclude<EventSource['kind'], 'events'>;

/** Active threats with no known detection events, grouped by why. */
export interface ThreatsWithoutEvents {
  reason: NoEventsReason;
  /** The reason in a sentence, e.g. `From the knowledge base "x", which is not active here.` */
  text: string;
  threats: Array<{ id: string; title: string; severity: Severity }>;
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
    if (source.kind !== 'events') {
      const text = reasonText(source);
      const group = groups.get(text) ?? { reason: source.kind, text, threats: [] };
      group.threats.push({ id: threat.id, title: threat.title, severity: severityOf(threat) });
      groups.set(text, group);
      continue;
    }
    threats.push({
      id: threat.id,
      title: threat.title,
      severity: severityOf(threat),
      knowledgeBase: { id: source.knowledgeBase.id, name: source.knowledgeBase.name },
      templateId: source.template.id,
      events: source.template.detectionEvents.map((event) => {
        const wiring = wiringOf(model, threat, event.id);
        return { ...event, wiring: wiring ? wiringView(wiring, tasks, model) : null };
      }),
    });
  }
  const events = threats.flatMap((t) => t.events);
  return {
    threats,
    withoutEvents: [...groups.values()],
    counts: { events: events.length, withTask: events.filter((e) => e.wiring?.task).length },
  };
}
