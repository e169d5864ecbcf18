import type { LocalSite } from '../../../local/site/server';
import { queueConsumer, resolverCaller } from '../../../test/support/forge-invocation';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { measureCall } from '../../../test/support/round-trips';
import { cardInTransit } from '../../../test/support/threat-edits';
import type { ModelChanges, ModelSeen, ThreatModelView } from '../../contract';
import type { Envelope } from '../../domain/common/envelope';
import { auditWorker, resolver } from '../../index';

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };

// The Threat model tab asks threat-model/changes every 30 s and reads the model only when the
// answer is yes: what changes the tab (the model, a task's status, a story's clauses) must say
// yes, and the question must stay two small requests whatever the size of the project.
describe('threat-model/changes', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  const ok = <T>(answer: unknown): T => {
    const envelope = answer as Envelope<T>;
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return envelope.data;
  };
  const seenNow = async (): Promise<ModelSeen> =>
    ok<ThreatModelView>(await call('carol', 'threat-model/get', {}, onProject)).seen;
  const changed = async (seen: ModelSeen) =>
    ok<ModelChanges>(await call('carol', 'threat-model/changes', seen, onProject)).changed;

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterAll(() => site.close());

  it('says no when nothing changed, in two requests and one round trip', async () => {
    const seen = await seenNow();
    expect(seen.revision).toBeGreaterThan(0);
    let answer: boolean | undefined;
    const cost = await measureCall(site, async () => {
      answer = await changed(seen);
    });
    expect(answer).toBe(false);
    expect(cost.requests).toBeLessThanOrEqual(2);
    expect(cost.roundTrips).toBeLessThanOrEqual(1);
  });

  it('says yes once someone changed the model, and no again after the page read it', async () => {
    const seen = await seenNow();
    ok(await call('bob', 'threat-model/create-threat', { draft: cardInTransit }, onProject));
    expect(await changed(seen)).toBe(true);
    const after = await seenNow();
    expect(after.revision).toBeGreaterThan(seen.revision);
    // The create is not a Jira issue update: the page that read it has nothing new to fetch.
    expect(await changed(after)).toBe(false);
  });

  it('says yes once an audit finished since (the coverage the tab shows)', async () => {
    const seen = await seenNow();
    const consumer = queueConsumer(auditWorker);
    ok(await call('alice', 'audit/run', {}, onProject));
    await consumer.idle();
    expect(await changed(seen)).toBe(true);
    const after = await seenNow();
    expect(after.auditAt).not.toBeNull();
    expect(await changed(after)).toBe(false);
  });

  // After the tests that expect a no: an issue updated counts for a minute and more.
  it('says yes when a mitigation task moved in Jira, which no model write records', async () => {
    const seen = await seenNow();
    const task = site.store.all('issue').find((i) => i.properties['without.task'] && i.statusId !== '10001')!;
    const moved = await restAs(site, 'bob')('POST', `/rest/api/3/issue/${task.id}/transitions`, {
      transition: { id: '31' },
    });
    expect(moved.status).toBe(204);
    expect(await changed(seen)).toBe(true);
  });

  it('says yes for a revision it cannot read, and refuses a page that sends no revision', async () => {
    expect(await changed({ revision: 9999, readAt: Date.now(), auditAt: null })).toBe(true);
    expect(await call('carol', 'threat-model/changes', { readAt: 1 }, onProject)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
  });
});
