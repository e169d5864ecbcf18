import type { TaskSummary } from '../mitigation/mitigation-view';
import { attachTask, setThreatState } from '../threat-model/threat-model';
import { wireDetectionEvent } from './detection-wiring';
import { accept, actor, byHand, kb, project } from './monitoring-mother';
import { monitoringOf } from './monitoring-view';

const task = (id: string, key: string, over: Partial<TaskSummary> = {}): TaskSummary => ({
  id,
  key,
  statusName: 'To Do',
  categoryKey: 'new',
  ...over,
});

describe('the monitoring view', () => {
  it('lists the detection events of each active knowledge-base threat, most severe first, none wired yet', () => {
    const view = monitoringOf(project(), [kb], new Map());
    expect(view.threats.map((t) => [t.id, t.severity.score, t.templateId])).toEqual([
      ['T-3', 16, 'WEB-I-02'],
      ['T-2', 15, 'WEB-I-01'],
    ]);
    const card = view.threats[1]!;
    expect(card.knowledgeBase).toEqual({ id: 'web-and-api', name: kb.name });
    expect(card.events.map((e) => e.id)).toEqual(['WEB-I-01-D1', 'WEB-I-01-D2']);
    expect(card.events[0]).toMatchObject({
      title: 'Card numbers outside the payment provider',
      signal: expect.stringMatching(/Luhn check/),
      wiring: null,
    });
    expect(view.counts).toEqual({ events: 3, withTask: 0 });
  });

  it('says why the other active threats have no events, grouped; retired threats are left out', () => {
    const quiet = { ...kb, threats: kb.threats.map((t) => (t.id === 'WEB-I-02' ? { ...t, detectionEvents: [] } : t)) };
    let model = accept(byHand(project(), 'Spoofed webhooks', 2, 2), 'WEB-S-01', { ...kb, id: 'pytm' });
    model = setThreatState(model, 'T-4', 1, 'retired', actor).model;
    const view = monitoringOf(model, [quiet], new Map());
    expect(view.threats.map((t) => t.id)).toEqual(['T-2']);
    expect(view.withoutEvents.map((g) => [g.reason, g.text, g.threats.map((t) => t.id)])).toEqual([
      ['manual', 'Written by hand: no knowledge base names their detection events.', ['T-1']],
      ['no-events', `Their template in "${kb.name}" names no detection events.`, ['T-3']],
      ['knowledge-base-not-active', 'From the knowledge base "pytm", which is not active here.', ['T-5']],
    ]);
    expect(
      monitoringOf(model, [], new Map()).withoutEvents.find((g) => g.reason === 'knowledge-base-not-active')?.text,
    ).toBe('From the knowledge base "web-and-api", which is not active here.');
    const gone = { ...kb, threats: kb.threats.filter((t) => t.id !== 'WEB-I-01') };
    expect(
      monitoringOf(model, [gone], new Map())
        .withoutEvents.find((g) => g.reason === 'template-not-found')
        ?.threats.map((t) => t.id),
    ).toEqual(['T-2']);
  });

  it('shows the mitigation that wires an event, with its task and the status the task gives it', () => {
    let model = wireDetectionEvent(project(), [kb], 'T-2', 'WEB-I-01-D2', actor).model;
    const wiring = model.mitigations[model.mitigations.length - 1]!;
    model = attachTask(model, wiring.id, { id: '10020', key: 'PAY-21' }, actor).model;
    const view = monitoringOf(
      model,
      [kb],
      new Map([['10020', task('10020', 'PAY-21', { statusName: 'In Progress', categoryKey: 'indeterminate' })]]),
    );
    const [first, second] = view.threats.find((t) => t.id === 'T-2')!.events;
    expect(first!.wiring).toBeNull();
    expect(second!.wiring).toEqual({
      mitigationId: wiring.id,
      title: 'Alert: Weak TLS on payment endpoints',
      status: 'in-progress',
      task: task('10020', 'PAY-21', { statusName: 'In Progress', categoryKey: 'indeterminate' }),
    });
    expect(view.counts).toEqual({ events: 3, withTask: 1 });
  });
});
