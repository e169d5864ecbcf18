import { severityOf } from '../threat-model/severity';
import {
  MONITORING_SPEC_FORMAT,
  monitoringMarkdown,
  type MonitoringSpec,
  type MonitoringSpecEvent,
} from './monitoring-spec';

const event = (task: string | null): MonitoringSpecEvent => ({
  id: 'E-1',
  origin: 'manual',
  title: 'Admin console reached from outside',
  signal: 'Requests to /admin',
  threshold: '',
  responder: '',
  firstSteps: '',
  task,
});

const specWith = (task: string | null): MonitoringSpec => ({
  format: MONITORING_SPEC_FORMAT,
  projectKey: 'PAY',
  generatedAt: '2026-11-23T10:00:00.000Z',
  counts: { threats: 1, events: 1 },
  threats: [
    {
      id: 'T-1',
      title: 'Admin console exposed',
      severity: severityOf({ probability: 5, impact: 5 }),
      template: null,
      events: [event(task)],
    },
  ],
});

describe('the monitoring specification in Markdown', () => {
  // Found by an attacker's review: a mitigation's task key is a free string in the model, and went
  // into the Markdown unescaped, so a key written through REST could be a javascript: link.
  it('writes a task key as inert text', () => {
    const md = monitoringMarkdown(specWith('[x](javascript:alert(1))'));
    expect(md).toContain('- **Task:** \\[x\\]\\(javascript\\:alert\\(1\\)\\)\n');
    expect(md).not.toContain('](');
  });

  it('keeps a plain task key readable, and has no task line without one', () => {
    expect(monitoringMarkdown(specWith('PAY-12'))).toContain('- **Task:** PAY\\-12\n');
    expect(monitoringMarkdown(specWith(null))).not.toContain('**Task:**');
  });
});
