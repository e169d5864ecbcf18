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
// answer is yes: what changes the tab (the model, a task's status, a story's clauses, a task or
// story deleted, an upload of a knowledge base) must say yes, and the question must stay three
// small requests in one round trip whatever the size of the project.
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

  it('says no when nothing changed, in three requests and one round trip', async () => {
    const seen = await seenNow();
    expect(seen.revision).toBeGreaterThan(0);
    let answer: boolean | undefined;
    const cost = await measureCall(site, async () => {
      answer = await changed(seen);
    });
    expect(answer).toBe(false);
    // The model's meta (with the audit status and the knowledge bases' list), one search for an
    // updated issue, one count of the tasks and stories with clauses.
    expect(cost.requests).toBeLessThanOrEqual(3);
    expect(cost.roundTrips).toBeLessThanOrEqual(1);
    expect(seen.issues).toBeGreaterThan(0);
  });

  it('counts nothing when the page has no count to compare with: two requests', async () => {
    const seen = { ...(await seenNow()), issues: null };
    let answer: boolean | undefined;
    const cost = await measureCall(site, async () => {
      answer = await changed(seen);
    });
    expect(answer).toBe(false);
    expect(cost.requests).toBeLessThanOrEqual(2);
  });

  it('says yes once a mitigation task or a story with clauses was deleted, which no search for updates finds', async () => {
    const task = site.store.all('issue').find((i) => i.properties['without.task'])!;
    let seen = await seenNow();
    site.store.delete('issue', task.id);
    expect(await changed(seen)).toBe(true);
    seen = await seenNow();
    expect(await changed(seen)).toBe(false);
    const fieldId = site.store.all('customField').find((f) => f.name === 'WITHOUT clauses')!.id;
    const story = site.store
      .all('issue')
      .find((i) => i.customFields[fieldId] !== undefined && !i.properties['without.task'])!;
    site.store.delete('issue', story.id);
    expect(await changed(seen)).toBe(true);
  });

  it('says yes once someone uploaded a knowledge base (what the rows offer), which leaves the model as it was', async () => {
    const seen = await seenNow();
    const put = await restAs(site, 'alice')('PUT', '/rest/api/3/project/PAY/properties/without.kb.library', {
      v: 1,
      entries: [],
    });
    expect([200, 201]).toContain(put.status);
    expect(await changed(seen)).toBe(true);
    expect(await changed(await seenNow())).toBe(false);
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
    const now = await seenNow();
    expect(await changed({ ...now, revision: 9999, readAt: Date.now() })).toBe(true);
    expect(await call('carol', 'threat-model/changes', { readAt: 1 }, onProject)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
  });
});
