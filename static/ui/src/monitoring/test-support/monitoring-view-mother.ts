import type {
  MonitoredEvent,
  MonitoredThreat,
  MonitoringView,
} from '../../../../../src/domain/monitoring/monitoring-view';

// Object mothers for the monitoring tab: the demo project after bob accepted the card-data threat.

export const SKIMMING =
  'Scan logs, databases and support tickets for digit runs that pass the Luhn check; alert on any hit outside the tokenisation service.';

export const anEvent = (id: string, over: Partial<MonitoredEvent> = {}): MonitoredEvent => ({
  id,
  title: `Event ${id}`,
  signal: `Signal of ${id}`,
  threshold: '',
  responder: '',
  firstSteps: '',
  origin: 'template',
  wiring: null,
  ...over,
});

export const aMonitoredThreat = (id: string, over: Partial<MonitoredThreat> = {}): MonitoredThreat => ({
  id,
  title: 'Card data disclosed in transit or at rest',
  severity: { score: 15, band: 'High' },
  revision: 1,
  knowledgeBase: { id: 'web-and-api', name: 'Web applications and APIs' },
  templateId: 'WEB-I-01',
  events: [
    anEvent('WEB-I-01-D1', { title: 'Card numbers outside the payment provider', signal: SKIMMING }),
    anEvent('WEB-I-01-D2', {
      title: 'Weak TLS on payment endpoints',
      signal: 'Alert when a payment endpoint negotiates TLS below 1.2 or serves without HSTS (external scan, daily).',
    }),
  ],
  ...over,
});

export function aMonitoringView(over: Partial<MonitoringView> = {}): MonitoringView {
  const threats = over.threats ?? [aMonitoredThreat('T-13')];
  const events = threats.flatMap((t) => t.events);
  return {
    projectKey: 'PAY',
    threats,
    withoutEvents: [
      {
        reason: 'manual',
        text: 'Written by hand: no knowledge base names their detection events.',
        threats: [
          { id: 'T-1', title: 'Card details skimmed', severity: { score: 20, band: 'Critical' }, revision: 1 },
          { id: 'T-2', title: 'Card testing', severity: { score: 12, band: 'High' }, revision: 1 },
        ],
      },
    ],
    counts: { events: events.length, withTask: events.filter((e) => e.wiring?.task).length },
    canEdit: true,
    canCreateTasks: true,
    problems: [],
    ...over,
  };
}
