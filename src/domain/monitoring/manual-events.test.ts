import { findThreat } from '../threat-model/threat-model';
import { Threat } from '../threat-model/threat';
import { changeDetectionEvents } from './manual-events';
import { actor, kb, project } from './monitoring-mother';
import { monitoringOf } from './monitoring-view';
import { monitoringMarkdown, monitoringSpec } from './monitoring-spec';

const draft = {
  title: 'Admin console reached from outside',
  signal: 'Requests to /admin from addresses outside the office range',
  threshold: 'any',
  responder: 'Security on call',
  firstSteps: 'Block the address; review the admin audit log.',
};

describe('detection events written by hand', () => {
  it('adds one to a threat written by hand, which the view then lists with it', () => {
    const model = project();
    const before = monitoringOf(model, [kb], new Map());
    expect(before.withoutEvents[0]?.threats.map((t) => t.id)).toEqual(['T-1']);

    const { model: next, threat } = changeDetectionEvents(
      model,
      { kind: 'add', threatId: 'T-1', baseRevision: 1, draft },
      actor,
    );
    expect(threat).toMatchObject({ revision: 2, detectionEvents: [{ id: 'E-1', ...draft }] });
    const view = monitoringOf(next, [kb], new Map());
    expect(view.withoutEvents).toEqual([]);
    expect(view.threats[0]).toMatchObject({
      id: 'T-1',
      knowledgeBase: null,
      revision: 2,
      events: [{ id: 'E-1', origin: 'manual', responder: 'Security on call', wiring: null }],
    });
    expect(view.counts.events).toBe(4);
  });

  it('adds one beside the events of a template, edits and removes it, each from the revision it saw', () => {
    let model = project();
    const t2 = findThreat(model, 'T-2');
    model = changeDetectionEvents(
      model,
      { kind: 'add', threatId: 'T-2', baseRevision: t2.revision, draft },
      actor,
    ).model;
    const events = monitoringOf(model, [kb], new Map()).threats.find((t) => t.id === 'T-2')!.events;
    expect(events.map((e) => [e.id, e.origin])).toEqual([
      ['WEB-I-01-D1', 'template'],
      ['WEB-I-01-D2', 'template'],
      ['E-1', 'manual'],
    ]);
    const edit = { kind: 'edit' as const, threatId: 'T-2', baseRevision: t2.revision + 1, eventId: 'E-1' };
    model = changeDetectionEvents(model, { ...edit, draft: { ...draft, threshold: '3 in 5 minutes' } }, actor).model;
    expect(findThreat(model, 'T-2').detectionEvents?.[0]?.threshold).toBe('3 in 5 minutes');
    // A stale revision is a conflict; the same edit sent again is its own answer.
    expect(() =>
      changeDetectionEvents(
        model,
        { kind: 'remove', threatId: 'T-2', baseRevision: t2.revision, eventId: 'E-1' },
        actor,
      ),
    ).toThrow(/Someone else changed T-2/);
    expect(
      changeDetectionEvents(model, { ...edit, draft: { ...draft, threshold: '3 in 5 minutes' } }, actor).model,
    ).toBe(model);
    const removed = changeDetectionEvents(
      model,
      { kind: 'remove', threatId: 'T-2', baseRevision: t2.revision + 2, eventId: 'E-1' },
      actor,
    );
    expect(removed.threat.detectionEvents).toBeUndefined();
  });

  it('keeps fields a newer version stored on an event when a neighbour is edited', () => {
    const model = changeDetectionEvents(
      project(),
      { kind: 'add', threatId: 'T-1', baseRevision: 1, draft },
      actor,
    ).model;
    const stored = JSON.parse(JSON.stringify(findThreat(model, 'T-1'))) as Record<string, unknown> & {
      detectionEvents: Array<Record<string, unknown>>;
    };
    stored.detectionEvents[0]!.runbookUrl = 'https://runbooks.example.com/admin';
    const reread = Threat.parse(stored);
    const withReread = { ...model, threats: model.threats.map((t) => (t.id === 'T-1' ? reread : t)) };
    const added = changeDetectionEvents(withReread, { kind: 'add', threatId: 'T-1', baseRevision: 2, draft }, actor);
    expect(added.threat.detectionEvents?.[0]).toMatchObject({
      id: 'E-1',
      runbookUrl: 'https://runbooks.example.com/admin',
    });
    expect(added.threat.detectionEvents?.[1]?.id).toBe('E-2');
  });

  it('refuses a new event on a retired threat and an unknown event id', () => {
    const model = project();
    const retired = {
      ...model,
      threats: model.threats.map((t) => (t.id === 'T-1' ? { ...t, state: 'retired' as const } : t)),
    };
    expect(() =>
      changeDetectionEvents(retired, { kind: 'add', threatId: 'T-1', baseRevision: 1, draft }, actor),
    ).toThrow(/retired/);
    expect(() =>
      changeDetectionEvents(model, { kind: 'edit', threatId: 'T-1', baseRevision: 1, eventId: 'E-9', draft }, actor),
    ).toThrow(/no detection event E-9/);
  });
});

describe('the monitoring specification', () => {
  it('lists every event, escaping Markdown in what people wrote', () => {
    const withEvent = changeDetectionEvents(
      project(),
      { kind: 'add', threatId: 'T-1', baseRevision: 1, draft: { ...draft, title: 'Admin *console* <reached>' } },
      actor,
    ).model;
    const spec = monitoringSpec(monitoringOf(withEvent, [kb], new Map()), 'PAY', '2026-11-23T10:00:00.000Z');
    expect(spec.counts).toEqual({ threats: 3, events: 4 });
    const md = monitoringMarkdown(spec);
    expect(md).toContain('#### Admin \\*console\\* \\<reached\\> (E-1, written by hand)');
    expect(md).toContain('- **Threshold:** any');
  });

  it('escapes links, autolinks and HTML in each line of what people wrote, keeping the lines', () => {
    const hostile = {
      ...draft,
      signal: 'See [the runbook](javascript:alert(1))\nor https://evil.example/x <img src=x onerror=alert(1)>',
    };
    const withEvent = changeDetectionEvents(
      project(),
      { kind: 'add', threatId: 'T-1', baseRevision: 1, draft: hostile },
      actor,
    ).model;
    const md = monitoringMarkdown(
      monitoringSpec(monitoringOf(withEvent, [kb], new Map()), 'PAY', '2026-11-23T10:00:00.000Z'),
    );
    expect(md).toContain(
      '- **Signal:** See \\[the runbook\\]\\(javascript\\:alert\\(1\\)\\)  \n  or https\\:\\/\\/evil\\.example\\/x \\<img src\\=x onerror\\=alert\\(1\\)\\>',
    );
  });
});
