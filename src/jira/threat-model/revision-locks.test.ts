import type { LocalSite } from '../../../local/site/server';
import { siteClient } from '../../../test/support/jira-clients';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { renameEdit } from '../../../test/support/threat-edits';
import { applyThreatEdit } from '../../domain/threat-model/threat-edit';
import type { ThreatModel } from '../../domain/threat-model/threat-model';
import { COLLECT_AFTER_MS, lockKey, STALE_READ_MS } from './model-locks';
import {
  changeThreatModel,
  readModelForWrite,
  readThreatModel,
  TAKEOVER_GRACE_MS,
  withModelLease,
  type ModelChange,
} from './threat-model-repository';
import { decodeShard, encodeShard, META_KEY } from './threat-model-shards';

// Lost updates under the revision-keyed lock (model-locks.ts): the model read before the lock is
// acted on only when creating lock.<its revision> answers 201, so two writers from one revision,
// an attempt whose read went stale, and a holder that died halfway all end with every
// acknowledged edit stored.

const actor = { accountId: '712020:alice', now: '2026-12-03T05:00:00.000Z' };
const rename =
  (id: string, title: string): ModelChange<string> =>
  (model: ThreatModel) => ({ model: applyThreatEdit(model, renameEdit(model, id, title), actor).model, result: title });

describe('the model lock keyed by revision', () => {
  let site: LocalSite;
  beforeAll(async () => (site = await startTestSite({ demo: true })));
  afterAll(() => site.close());

  const client = () => siteClient(site);
  const admin = () => restAs(site, 'alice');
  const lockPath = (revision: number) => `/rest/api/3/project/PAY/properties/${lockKey(revision)}`;
  const titles = async (...ids: string[]) => {
    const { model } = await readThreatModel(client(), 'PAY');
    return ids.map((id) => `${id}: ${model.threats.find((t) => t.id === id)!.title}`);
  };

  it('lets one of two writers that read the same revision make the step; the other reads again, and both edits are stored', async () => {
    const [a, b] = await Promise.all([readModelForWrite(client(), 'PAY'), readModelForWrite(client(), 'PAY')]);
    expect(a.metaRevision).toBe(b.metaRevision);
    const from = a.metaRevision;
    const mark = site.log.mark();
    await Promise.all([
      changeThreatModel(client(), 'PAY', 'alice', rename('T-2', 'Card testing (A)'), { firstRead: Promise.resolve(a) }),
      changeThreatModel(client(), 'PAY', 'bob', rename('T-3', 'Refund replay (B)'), { firstRead: Promise.resolve(b) }),
    ]);
    const creates = site.log.since(mark).filter((r) => r.method === 'PUT' && r.path === lockPath(from));
    expect(creates.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(await titles('T-2', 'T-3')).toEqual(['T-2: Card testing (A)', 'T-3: Refund replay (B)']);
    expect((await readThreatModel(client(), 'PAY')).metaRevision).toBe(from + 2);
  });

  it('does not act on a read older than the bound, even once the lock of its revision is gone: it reads again', async () => {
    const stale = await readModelForWrite(client(), 'PAY');
    await changeThreatModel(client(), 'PAY', 'bob', rename('T-4', 'Receipts spoofed (B, in between)'));
    // The collection has deleted the lock of the step just made (it does so minutes later).
    await admin()('DELETE', lockPath(stale.metaRevision));
    const mark = site.log.mark();
    const later = () => Date.now() + STALE_READ_MS + 1;
    await changeThreatModel(client(), 'PAY', 'alice', rename('T-5', 'Stuffing (A, late)'), {
      firstRead: Promise.resolve(stale),
      now: later,
    });
    expect(site.log.since(mark).filter((r) => r.method === 'PUT' && r.path === lockPath(stale.metaRevision))).toEqual(
      [],
    );
    expect(await titles('T-4', 'T-5')).toEqual(['T-4: Receipts spoofed (B, in between)', 'T-5: Stuffing (A, late)']);
  });

  it('takes over the lock of a holder that died after writing a shard, building on what it wrote', async () => {
    const before = await readThreatModel(client(), 'PAY');
    const from = before.metaRevision;
    const shard = before.shards.find((s) => s.records.some((r) => r.id === 'T-6'))!;
    const raw = site.store
      .all('projectProperty')
      .find(
        (p) => p.key === `without.model.shard.${shard.index}` && site.store.get('project', p.projectId)?.key === 'PAY',
      )!;
    const decoded = decodeShard(raw.value);
    if ('error' in decoded) throw new Error(decoded.error);
    const entries = decoded.entries.map((e) =>
      (e as { id: string }).id === 'T-6' ? { ...(e as object), title: 'Written by the holder that died' } : e,
    );
    const dead = { holder: 'crashed', expiresAt: Date.now() - TAKEOVER_GRACE_MS - 1_000 };
    expect((await admin()('PUT', lockPath(from), dead)).status).toBe(201);
    await admin()('PUT', `/rest/api/3/project/PAY/properties/without.model.shard.${shard.index}`, {
      ...encodeShard(entries as never, decoded.revision + 1),
    });

    await changeThreatModel(client(), 'PAY', 'bob', rename('T-3', 'Refund replay (after the takeover)'));
    expect(await titles('T-3', 'T-6')).toEqual([
      'T-3: Refund replay (after the takeover)',
      'T-6: Written by the holder that died',
    ]);
    expect((await readThreatModel(client(), 'PAY')).metaRevision).toBe(from + 1);
  });

  it('lets two writers that find the same long-expired lock take turns: one takes it over, both edits are stored', async () => {
    const { metaRevision: from } = await readThreatModel(client(), 'PAY');
    const dead = { holder: 'crashed', expiresAt: Date.now() - TAKEOVER_GRACE_MS - 1_000 };
    expect((await admin()('PUT', lockPath(from), dead)).status).toBe(201);
    const [a, b] = await Promise.all([readModelForWrite(client(), 'PAY'), readModelForWrite(client(), 'PAY')]);
    const mark = site.log.mark();
    await Promise.all([
      changeThreatModel(client(), 'PAY', 'alice', rename('T-4', 'Receipts (A, after a crash)'), {
        firstRead: Promise.resolve(a),
      }),
      changeThreatModel(client(), 'PAY', 'bob', rename('T-5', 'Stuffing (B, after a crash)'), {
        firstRead: Promise.resolve(b),
      }),
    ]);
    const markers = site.log
      .since(mark)
      .filter((r) => r.method === 'PUT' && r.path.startsWith(`${lockPath(from)}.takeover.`));
    expect(markers.filter((r) => r.status === 201)).toHaveLength(1);
    expect(await titles('T-4', 'T-5')).toEqual([
      'T-4: Receipts (A, after a crash)',
      'T-5: Stuffing (B, after a crash)',
    ]);
    expect((await readThreatModel(client(), 'PAY')).metaRevision).toBe(from + 2);
  });

  it('leaves a lock that expired moments ago to its holder: its step may have just been made', async () => {
    const { metaRevision } = await readThreatModel(client(), 'PAY');
    await admin()('PUT', lockPath(metaRevision), { holder: 'slow', expiresAt: Date.now() - 1_000 });
    const mark = site.log.mark();
    await expect(
      changeThreatModel(client(), 'PAY', 'bob', rename('T-2', 'Never written'), { maxWaitMs: 300 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(site.log.since(mark).filter((r) => r.method !== 'GET')).toEqual([]);
    await admin()('DELETE', lockPath(metaRevision));
  });

  it('holds the next step for a session that asks to: nobody writes between its two changes', async () => {
    let seenByTheSecond = '';
    let other: Promise<string> | undefined;
    await withModelLease(client(), 'PAY', 'alice', async (session) => {
      await session.change(async (model) => ({ ...(await rename('T-2', 'Claimed (session)')(model)), holdOn: true }));
      other = changeThreatModel(client(), 'PAY', 'bob', rename('T-4', 'Receipts (other writer)'), {
        maxWaitMs: 10_000,
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await session.change((model) => {
        seenByTheSecond = model.threats.find((t) => t.id === 'T-4')!.title;
        return rename('T-5', 'Recorded (session)')(model);
      });
    });
    await other;
    expect(seenByTheSecond).not.toBe('Receipts (other writer)');
    expect(await titles('T-2', 'T-4', 'T-5')).toEqual([
      'T-2: Claimed (session)',
      'T-4: Receipts (other writer)',
      'T-5: Recorded (session)',
    ]);
  });

  it('deletes the locks of steps followed by a meta older than the bound, beside the meta, and keeps the rest', async () => {
    const { metaRevision: r } = await readThreatModel(client(), 'PAY');
    const meta = site.store
      .all('projectProperty')
      .find((p) => p.key === META_KEY && site.store.get('project', p.projectId)?.key === 'PAY')!.value as object;
    const old = Date.now() - COLLECT_AFTER_MS - 60_000;
    await admin()('PUT', `/rest/api/3/project/PAY/properties/${META_KEY}`, {
      ...meta,
      locks: { floor: r - 3, marks: [[r - 1, old]] },
    });
    for (const n of [r - 3, r - 2, r - 1]) await admin()('PUT', lockPath(n), { holder: 'done', expiresAt: old });
    await changeThreatModel(client(), 'PAY', 'bob', rename('T-3', 'Refund replay (collecting)'));
    const locks = site.store
      .all('projectProperty')
      .filter((p) => p.key.startsWith('without.model.lock.') && site.store.get('project', p.projectId)?.key === 'PAY')
      .map((p) => p.key);
    expect(locks).not.toContain(lockKey(r - 3));
    expect(locks).not.toContain(lockKey(r - 2));
    expect(locks).toContain(lockKey(r - 1)); // its step's meta (revision r) is not known to be old
    expect(locks).toContain(lockKey(r));
  });
});
