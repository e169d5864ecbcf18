import type { LocalSite } from '../../../local/site/server';
import { readWholeModel } from '../../../test/support/whole-threat-model';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { restAs, startTestSite } from '../../../test/support/local-site';
import type { Envelope } from '../../domain/common/envelope';
import type { MonitoredEventChange, MonitoringView, StoryView, ThreatDetails } from '../../contract';
import type { ThreatView } from '../../domain/threat-model/threat-view';
import { resolver } from '../../index';

const onIssue = (id: string) => ({ type: 'jira:issuePanel', issue: { id }, project: { id: '10000', key: 'PAY' } });
const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };
const PAY_1 = '10000';
type Who = 'alice' | 'bob' | 'carol';

describe('monitoring resolvers', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  let card: string;
  const ok = <T>(answer: Envelope<T>): T => {
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer.data;
  };
  const monitoring = async (who: Who) =>
    ok((await call(who, 'monitoring/get', {}, onProject)) as Envelope<MonitoringView>);
  const createTask = (who: Who, threatId: string, eventId: string) =>
    call(who, 'monitoring/create-task', { threatId, eventId }, onProject) as Promise<Envelope<MonitoredEventChange>>;
  const model = async () => ok(await readWholeModel(call, 'alice', onProject));
  const tasksOf = async (mitigationId: string) => {
    const search = await restAs(site, 'alice')('POST', '/rest/api/3/search/jql', {
      jql: `project = PAY AND issue.property[without.task].mitigationId = "${mitigationId}"`,
      fields: ['summary'],
      properties: ['without.task'],
    });
    return search.body?.issues as unknown as Array<{ key: string; fields: { summary: string } }>;
  };
  /** Jira requests of a call, as "user GET /rest/..." lines. */
  const requestsOf = async (run: () => Promise<unknown>) => {
    const mark = site.log.mark();
    await run();
    return site.log.since(mark).map((r) => `${r.principal === 'app' ? 'app' : 'user'} ${r.method} ${r.path}`);
  };

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
    const story = ok((await call('bob', 'story/get', {}, onIssue(PAY_1))) as Envelope<StoryView>);
    const accepted = ok(
      (await call(
        'bob',
        'knowledge-base/accept',
        { knowledgeBaseId: 'web-and-api', templateId: 'WEB-I-01', baseRevision: story.revision },
        onIssue(PAY_1),
      )) as Envelope<StoryView>,
    );
    card = Object.values(accepted.threats).find((t) => t.source.kind === 'knowledge-base')!.id;
  });
  afterAll(() => site.close());

  it('lists the detection events of the threats from the knowledge base for anyone who can browse, and why the others have none', async () => {
    const view = await monitoring('carol');
    // The demo's T-5 and T-9 came from the built-in knowledge base (two events and one), the card threat was just accepted (two).
    expect(view).toMatchObject({
      projectKey: 'PAY',
      canEdit: false,
      canCreateTasks: false,
      problems: [],
      counts: { events: 5, withTask: 0 },
    });
    expect(view.threats.map((t) => [t.id, t.templateId, t.events.length])).toEqual([
      ['T-5', 'WEB-S-01', 2],
      [card, 'WEB-I-01', 2],
      ['T-9', 'WEB-S-05', 1],
    ]);
    const cardThreat = view.threats.find((t) => t.id === card)!;
    expect(cardThreat).toMatchObject({
      title: 'Card data disclosed in transit or at rest',
      severity: { score: 15, band: 'High' },
      knowledgeBase: { id: 'web-and-api' },
    });
    expect(cardThreat.events.map((e) => [e.id, e.title, e.wiring])).toEqual([
      ['WEB-I-01-D1', 'Card numbers outside the payment provider', null],
      ['WEB-I-01-D2', 'Weak TLS on payment endpoints', null],
    ]);
    expect(view.withoutEvents.map((g) => g.reason)).toEqual(['manual']);
    expect(view.withoutEvents[0]!.threats.length).toBeGreaterThan(5);
    expect(await monitoring('bob')).toMatchObject({ canEdit: true, canCreateTasks: true });
  });

  it('reads the view in at most 3 Jira requests while no event has a task', async () => {
    // The model and the permissions (in parallel), then bob's editor role as the app; the
    // built-in knowledge base costs none, and without tasks on wirings there is no task search.
    const requests = await requestsOf(() => monitoring('bob'));
    expect(requests.length).toBeLessThanOrEqual(3);
    expect(requests.filter((r) => r.includes('/search'))).toEqual([]);
  });

  it('refuses carol, who may not edit the threat model, and changes nothing', async () => {
    const before = await model();
    expect(await createTask('carol', card, 'WEB-I-01-D1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await model()).mitigations).toHaveLength(before.mitigations.length);
    expect((await monitoring('carol')).counts.withTask).toBe(0);
  });

  it('as bob: adds the detective mitigation that wires the event and creates its task; twice gives one mitigation, one task', async () => {
    const before = await model();
    const answer = ok(await createTask('bob', card, 'WEB-I-01-D1'));
    expect(answer).toMatchObject({
      threatId: card,
      event: {
        id: 'WEB-I-01-D1',
        title: 'Card numbers outside the payment provider',
        signal: expect.stringMatching(/Luhn/),
        wiring: {
          title: 'Alert: Card numbers outside the payment provider',
          status: 'accepted',
          task: { key: expect.stringMatching(/^PAY-\d+$/), statusName: 'To Do' },
        },
      },
    });
    const { mitigationId } = answer.event.wiring!;
    // The model's list carries no long texts; the threat's details carry the mitigation in full.
    const details = ok(
      (await call('alice', 'threat-model/threat-details', { id: card }, onProject)) as Envelope<ThreatDetails>,
    );
    const added = details.mitigations.find((m) => m.id === mitigationId);
    expect(added).toMatchObject({
      controlType: 'detective',
      addresses: [{ threatId: card, strength: 25 }],
      implementation: expect.stringContaining(`Detects ${card}: Card data disclosed in transit or at rest.`),
      verification: expect.stringMatching(/^Trigger the attack in a test environment/),
      source: {
        kind: 'knowledge-base',
        knowledgeBaseId: 'web-and-api',
        templateId: 'WEB-I-01',
        detectionEventId: 'WEB-I-01-D1',
      },
    });

    const again = ok(await createTask('bob', card, 'WEB-I-01-D1'));
    expect(again.event.wiring).toEqual(answer.event.wiring);
    expect((await model()).mitigations).toHaveLength(before.mitigations.length + 1);
    const tasks = await tasksOf(mitigationId);
    expect(tasks.map((t) => [t.key, t.fields.summary])).toEqual([
      [answer.event.wiring!.task!.key, `Alert: Card numbers outside the payment provider (${mitigationId})`],
    ]);

    const view = await monitoring('carol');
    expect(view.counts).toEqual({ events: 5, withTask: 1 });
    expect(view.threats.find((t) => t.id === card)!.events[0]!.wiring).toMatchObject({
      mitigationId,
      status: 'accepted',
      task: { key: tasks[0]!.key, statusName: 'To Do', categoryKey: 'new' },
    });
  });

  it('reads the tasks’ live status with one search more, once an event has a task', async () => {
    const requests = await requestsOf(() => monitoring('bob'));
    expect(requests.filter((r) => r.includes('/search'))).toHaveLength(1);
    expect(requests.length).toBeLessThanOrEqual(4);
  });

  it('refuses unknown threats and events, threats written by hand, and retired threats', async () => {
    expect(await createTask('bob', 'T-999', 'WEB-I-01-D1')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: "Threat T-999 is not in this project's threat model." },
    });
    expect(await createTask('bob', card, 'WEB-I-01-D9')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: `${card} has no detection event WEB-I-01-D9.` },
    });
    expect(await createTask('bob', 'T-1', 'WEB-I-01-D1')).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'T-1 was written by hand; it names no detection events.' },
    });
    expect(await createTask('bob', 'M-1', 'WEB-I-01-D1')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    const threat = (await model()).threats.find((t) => t.id === card)!;
    ok(
      (await call(
        'bob',
        'threat-model/set-threat-state',
        { id: card, baseRevision: threat.revision, state: 'retired' },
        onProject,
      )) as Envelope<ThreatView>,
    );
    const before = await model();
    expect(await createTask('bob', card, 'WEB-I-01-D2')).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: `${card} is retired; its detection events need no alert.` },
    });
    expect((await model()).mitigations).toHaveLength(before.mitigations.length);
    expect((await monitoring('bob')).threats.map((t) => t.id)).toEqual(['T-5', 'T-9']);
  });
});
