import type { LocalSite } from '../../../local/site/server';
import { queueConsumer, resolverCaller } from '../../../test/support/forge-invocation';
import { restAs, startTestSite } from '../../../test/support/local-site';
import type { Envelope } from '../../domain/common/envelope';
import type { AuditView, SprintPlanView, ThreatModelView, ThreatsAnswer } from '../../contract';
import { auditWorker, resolver } from '../../index';

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };
const onSprint = (id: number) => ({
  type: 'jira:sprintAction',
  sprint: { id },
  board: { id: 1 },
  project: { id: '10000', key: 'PAY' },
});

// Issue 17: "planned risk" is one figure. The sprint view counted a To Do task pulled into an
// open sprint as planned, the project page did not; both now say what isPlanned says.
describe('the planned risk of the project page and of the sprint view', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  const answer = async <T>(key: string, context: Record<string, unknown>) => {
    const envelope = (await call('bob', key, {}, context)) as Envelope<T>;
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.data;
  };
  const projectPlanned = async () => (await answer<ThreatModelView>('threat-model/get', onProject)).risk.planned;
  const sprintPlanned = async (id: number) => (await answer<SprintPlanView>('sprint/get', onSprint(id))).risk.planned;
  const sprintOf = (state: string) => site.store.all('sprint').find((s) => s.state === state)!.id;

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterAll(() => site.close());

  it('agree, before and after a To Do task is pulled into an open sprint, which makes it planned', async () => {
    const before = await projectPlanned();
    expect(await sprintPlanned(sprintOf('active'))).toBe(before);
    expect(await sprintPlanned(sprintOf('future'))).toBe(before);

    // M-3 (accepted, strength 75 against T-2, severity 12): its task PAY-22 is To Do, in the backlog.
    const moved = await restAs(site, 'alice')('POST', `/rest/agile/1.0/sprint/${sprintOf('future')}/issue`, {
      issues: ['PAY-22'],
    });
    expect(moved.status).toBe(204);
    const after = await projectPlanned();
    expect(after).toBeCloseTo(before - 9, 9);
    // Seen from the active sprint (PAY-22 in another open sprint) and from the future one (in it).
    expect(await sprintPlanned(sprintOf('active'))).toBe(after);
    expect(await sprintPlanned(sprintOf('future'))).toBe(after);
    // The audit (and the day's point of the risk history it records) says the same.
    const consumer = queueConsumer(auditWorker, 'run-audit');
    await answer('audit/run', onProject);
    await consumer.idle();
    expect((await answer<AuditView>('audit/get', onProject)).result?.risk?.planned).toBe(after);
    // The threat's own row says the same, on the project page and in the sprint whose stories meet it.
    const rows = (await call('bob', 'threat-model/threats', { ids: ['T-2'] }, onProject)) as Envelope<ThreatsAnswer>;
    if (!rows.ok) throw new Error(rows.error.message);
    expect(rows.data.threats[0]?.risk.planned).toBeCloseTo(3, 9);
    const sprints = await Promise.all(
      [sprintOf('active'), sprintOf('future')].map((id) => answer<SprintPlanView>('sprint/get', onSprint(id))),
    );
    const meeting = sprints.filter((s) => s.threats['T-2']);
    expect(meeting.length).toBeGreaterThan(0);
    for (const s of meeting) expect(s.threats['T-2']!.risk.planned).toBeCloseTo(3, 9);
  });
});
