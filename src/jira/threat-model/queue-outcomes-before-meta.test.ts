import type { LocalSite } from '../../../local/site/server';
import { hookedAppClient, signal } from '../../../test/support/hooked-client';
import { siteClient } from '../../../test/support/jira-clients';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { currentModelLockPath } from '../../../test/support/model-locks-left';
import { renameEdit } from '../../../test/support/threat-edits';
import { OUTCOMES_KEY, QUEUE_PREFIX, saveThreatEdit } from './threat-edit-queue';
import { readThreatModel } from './threat-model-repository';
import { META_KEY } from './threat-model-shards';

// The holder of a turn records the outcomes of the queued edits it applied while it still holds
// the model: beside its last shards, before the meta. Written after the meta, they raced the next
// holder, who reads them with the meta and writes its own over them (found in review).

describe('the outcomes of queued threat edits', () => {
  let site: LocalSite;
  beforeAll(async () => (site = await startTestSite({ demo: true })));
  afterAll(() => site.close());

  it('are written before the meta, in the round trip of the shards (no round trip of their own)', async () => {
    const model = (await readThreatModel(siteClient(site), 'PAY')).model;
    const lock = currentModelLockPath(site, 'PAY');
    const admin = restAs(site, 'alice');
    await admin('PUT', lock, { holder: 'someone', expiresAt: Date.now() + 30_000 });
    // bob queues, then reads nothing more until alice's save is done: alice is the one who applies his edit.
    const aliceDone = signal();
    let queued = false;
    const bobClient = hookedAppClient(site, async (path, req, phase) => {
      if (phase === 'after' && req.method === 'PUT' && path.includes(QUEUE_PREFIX)) queued = true;
      else if (phase === 'before' && queued && req.method === 'GET') await aliceDone.done;
    });
    const bobSaving = saveThreatEdit(bobClient, 'PAY', renameEdit(model, 'T-3', 'Refund replay (bob, queued)'), {
      accountId: '712020:bob',
      now: new Date().toISOString(),
    });
    while (!site.store.all('projectProperty').some((p) => p.key.startsWith(QUEUE_PREFIX)))
      await new Promise((r) => setTimeout(r, 10));
    await admin('DELETE', lock);
    // Every answer takes 60 ms (far longer than the app's work between requests): requests sent
    // together overlap in the log, one sent after another's answer does not.
    site.faults.configure({ latencyMs: 60 });
    const mark = site.log.mark();
    const [alice, bob] = await Promise.all([
      saveThreatEdit(siteClient(site), 'PAY', renameEdit(model, 'T-2', 'Card testing (alice, holder)'), {
        accountId: '712020:alice',
        now: new Date().toISOString(),
      }).finally(aliceDone.fire),
      bobSaving,
    ]).finally(() => site.faults.configure({ latencyMs: 0 }));
    expect([alice.title, bob.title]).toEqual(['Card testing (alice, holder)', 'Refund replay (bob, queued)']);
    const puts = site.log.since(mark).filter((r) => r.method === 'PUT' && r.principal === 'app');
    const metaPut = puts.find((r) => r.path.endsWith(`/properties/${META_KEY}`))!;
    const outcomesPut = puts.find((r) => r.path.endsWith(`/properties/${OUTCOMES_KEY}`))!;
    const shardPuts = puts.filter((r) => r.path.includes('/properties/without.model.shard.') && r.seq < metaPut.seq);
    expect(outcomesPut.endedMs!).toBeLessThanOrEqual(metaPut.startedMs!);
    // Sent with the shards: in the same round trip as one of them.
    const overlaps = (a: typeof metaPut, b: typeof metaPut) => a.startedMs! < b.endedMs! && b.startedMs! < a.endedMs!;
    expect(shardPuts.some((shard) => overlaps(shard, outcomesPut))).toBe(true);
    const stored = site.store.all('projectProperty').find((p) => p.key === OUTCOMES_KEY)?.value as {
      entries: Record<string, { ok: boolean }>;
    };
    expect(Object.values(stored.entries).some((o) => o.ok)).toBe(true);
  });
});
