import type { LocalSite } from '../../../local/site/server';
import { siteClient } from '../../../test/support/jira-clients';
import { renameEdit } from '../../../test/support/threat-edits';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { currentModelLockPath, modelLocksLeft } from '../../../test/support/model-locks-left';
import { OUTCOMES_KEY, QUEUE_PREFIX, saveThreatEdit, type QueueClock } from './threat-edit-queue';
import { readThreatModel } from './threat-model-repository';
import type { ThreatEditRequest } from '../../domain/threat-model/threat-edit';

const alice = { accountId: '712020:alice', now: '2026-12-02T10:00:00.000Z' };
const bob = { accountId: '712020:bob', now: '2026-12-02T10:00:01.000Z' };

describe('threat edits that share turns', () => {
  let site: LocalSite;
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
  });
  afterAll(() => site.close());

  const threat = async (id: string) =>
    (await readThreatModel(siteClient(site), 'PAY')).model.threats.find((t) => t.id === id)!;
  const rename = async (id: string, title: string): Promise<ThreatEditRequest> =>
    renameEdit((await readThreatModel(siteClient(site), 'PAY')).model, id, title);
  // The lock of the step from the revision stored now, held by someone else, then deleted as a
  // holder that wrote nothing deletes it (model-locks.ts).
  let held = '';
  const holdLock = (expiresInMs: number) =>
    restAs(site, 'alice')('PUT', (held = currentModelLockPath(site, 'PAY')), {
      holder: 'someone',
      expiresAt: Date.now() + expiresInMs,
    });
  const freeLock = () => restAs(site, 'alice')('DELETE', held);
  // The single lock an earlier version of the app takes for every step (while the app is upgraded).
  const UPGRADE_LOCK = '/rest/api/3/project/PAY/properties/without.model.lock';
  const queueKeys = () =>
    site.store
      .all('projectProperty')
      .filter((p) => p.key.startsWith(QUEUE_PREFIX))
      .map((p) => p.key);

  it('queues edits while an earlier version of the app holds its single lock (an upgrade); the next turn applies them all in one write and both writers get their answer', async () => {
    await restAs(site, 'alice')('PUT', UPGRADE_LOCK, { holder: 'earlier version', expiresAt: Date.now() + 10_000 });
    const edits = [
      await rename('T-2', 'Card testing through the checkout (queued 1)'),
      await rename('T-3', 'Refund replay (queued 2)'),
    ];
    const saving = [
      saveThreatEdit(siteClient(site), 'PAY', edits[0]!, alice),
      saveThreatEdit(siteClient(site), 'PAY', edits[1]!, bob),
    ];
    while (queueKeys().length < 2) await new Promise((r) => setTimeout(r, 20));
    const mark = site.log.mark();
    await restAs(site, 'alice')('DELETE', UPGRADE_LOCK);
    const [first, second] = await Promise.all(saving);
    expect(first).toMatchObject({
      id: 'T-2',
      title: 'Card testing through the checkout (queued 1)',
      updated: { accountId: alice.accountId },
    });
    expect(second).toMatchObject({
      id: 'T-3',
      title: 'Refund replay (queued 2)',
      updated: { accountId: bob.accountId },
    });
    const shardWrites = site.log
      .since(mark)
      .filter((r) => r.method === 'PUT' && r.path.includes('without.model.shard.'));
    expect(shardWrites).toHaveLength(1);
    expect(queueKeys()).toEqual([]);
    expect(modelLocksLeft(site, 'PAY')).toMatchObject({ single: false, current: false });
  });

  it('answers a queued edit that conflicts with the conflict, and still applies the others of its turn', async () => {
    await holdLock(10_000);
    const stale = { ...(await rename('T-2', 'Stale title')), baseRevision: 1 };
    const fine = await rename('T-4', 'Receipts spoofed (queued)');
    const saving = [
      saveThreatEdit(siteClient(site), 'PAY', stale, alice),
      saveThreatEdit(siteClient(site), 'PAY', fine, bob),
    ];
    while (queueKeys().length < 2) await new Promise((r) => setTimeout(r, 20));
    await freeLock();
    const [conflict, ok] = await Promise.allSettled(saving);
    expect(conflict).toMatchObject({
      status: 'rejected',
      reason: { code: 'CONFLICT', message: expect.stringContaining('Someone else changed T-2') },
    });
    expect(ok).toMatchObject({ status: 'fulfilled', value: { title: 'Receipts spoofed (queued)' } });
    const outcomes = site.store.all('projectProperty').find((p) => p.key === OUTCOMES_KEY)?.value as {
      entries: Record<string, { ok: boolean }>;
    };
    expect(Object.values(outcomes.entries).length).toBeGreaterThanOrEqual(2);
  });

  it('leaves an entry it cannot read alone, and applies nothing from it', async () => {
    const forged = {
      v: 1,
      id: 'not-a-uuid',
      accountId: '712020:carol',
      at: 'x',
      expiresAt: Date.now() + 60_000,
      edit: { kind: 'update-threat', id: 'T-1', baseRevision: 1, draft: { title: '' } },
    };
    await restAs(site, 'alice')('PUT', `/rest/api/3/project/PAY/properties/${QUEUE_PREFIX}forged`, forged);
    const before = await threat('T-1');
    await saveThreatEdit(siteClient(site), 'PAY', await rename('T-5', 'Credential stuffing (renamed)'), alice);
    expect(await threat('T-1')).toEqual(before);
    expect(
      (await restAs(site, 'alice')('GET', `/rest/api/3/project/PAY/properties/${QUEUE_PREFIX}forged`)).body?.value,
    ).toEqual(forged);
  });

  it('never says an edit failed while a holder may still be applying it: it withdraws the edit and, unsure, says so', async () => {
    await holdLock(50_000);
    let t = Date.now();
    const clock: QueueClock = { now: () => t, sleep: async (ms) => void (t += ms) };
    const edit = await rename('T-6', 'Never stored');
    await expect(saveThreatEdit(siteClient(site), 'PAY', edit, alice, clock)).rejects.toMatchObject({
      code: 'JIRA_UNAVAILABLE',
      message: expect.stringContaining('cannot tell whether your change was saved'),
    });
    expect((await threat('T-6')).title).not.toBe('Never stored');
    expect(queueKeys().filter((k) => !k.endsWith('forged'))).toEqual([]);
    await freeLock();
  });
});
