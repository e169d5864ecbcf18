import type { LocalSite } from '../../../local/site/server';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { currentModelLockPath } from '../../../test/support/model-locks-left';
import { siteClient } from '../../../test/support/jira-clients';
import { renameEdit } from '../../../test/support/threat-edits';
import { hookedAppClient, signal } from '../../../test/support/hooked-client';
import type { ThreatEditRequest } from '../../domain/threat-model/threat-edit';
import type { TransportResponse } from '../client/transport';
import { QUEUE_PREFIX, saveThreatEdit, type QueueClock } from './threat-edit-queue';
import { readThreatModel } from './threat-model-repository';

// The holder writes the outcomes beside the model's last shards, before its meta. When that write fails (Jira answers
// 400/429/5xx, e.g. the value outgrew 32 KB or the retry budget is spent), neither the holder nor
// a queued writer may be told their stored edit failed (found by an attacker's review).

const tooLarge: TransportResponse = {
  status: 400,
  headers: { get: () => null },
  text: async () => JSON.stringify({ errorMessages: ['The property value is too large.'], errors: {} }),
};

/**
 * A queued writer's clock that stands still until `go` fires (then each wait passes at once), and
 * fires `sleeping` at its first wait: the writer has queued and polled once, seeing the lock held.
 * The test frees the lock only then: freed earlier, a loaded machine may let the writer's first
 * poll (which does not wait) take the lease itself, and there is no queued edit to record.
 */
function clockUntil(go: ReturnType<typeof signal>, sleeping: ReturnType<typeof signal>): QueueClock {
  let t = Date.now();
  return {
    now: () => t,
    sleep: async (ms) => {
      sleeping.fire();
      await go.done;
      await new Promise((r) => setTimeout(r, 5));
      t += ms;
    },
  };
}

/** The holder's read of the queued entries (with the model's other properties). */
const readsQueue = (path: string, req: { method: string }) =>
  req.method === 'GET' && path.startsWith('/rest/api/3/project/PAY?properties=') && path.includes(QUEUE_PREFIX);

describe('a failed record of queued edits’ outcomes', () => {
  let site: LocalSite;
  beforeAll(async () => (site = await startTestSite({ demo: true })));
  afterAll(() => site.close());

  it('tells the holder and the queued writer their edits were saved, as they were', async () => {
    // Someone holds the step from the revision stored now (a holder that will write nothing).
    const LOCK = currentModelLockPath(site, 'PAY');
    const model = (await readThreatModel(siteClient(site), 'PAY')).model;
    const rename = (id: string, title: string): ThreatEditRequest => renameEdit(model, id, title);
    const admin = restAs(site, 'alice');
    await admin('PUT', LOCK, { holder: 'someone', expiresAt: Date.now() + 30_000 });

    const holderReadQueue = signal();
    const queuedWithdraws = signal();
    // bob's writer: a virtual clock that stands still until the holder has read the queue.
    const bobSleeping = signal();
    const clock = clockUntil(holderReadQueue, bobSleeping);
    const bobClient = hookedAppClient(site, (path, req, phase) => {
      if (phase === 'before' && req.method === 'DELETE' && path.includes(QUEUE_PREFIX)) queuedWithdraws.fire();
    });
    const bobSaving = saveThreatEdit(
      bobClient,
      'PAY',
      rename('T-3', 'Refund replay (bob, queued)'),
      { accountId: '712020:bob', now: new Date().toISOString() },
      clock,
    );
    await bobSleeping.done;
    expect(site.store.all('projectProperty').some((p) => p.key.startsWith(QUEUE_PREFIX))).toBe(true);

    // The lock frees; alice's save takes the lease and applies bob's entry with her own.
    await admin('DELETE', LOCK);
    const aliceClient = hookedAppClient(site, async (path, req, phase) => {
      if (phase === 'before' && req.method === 'PUT' && path.endsWith('/properties/without.model.outcomes')) {
        await queuedWithdraws.done; // slow Jira: bob reaches his deadline meanwhile
        return tooLarge;
      }
      if (phase === 'after' && readsQueue(path, req)) holderReadQueue.fire();
      return undefined;
    });
    const aliceSaving = saveThreatEdit(aliceClient, 'PAY', rename('T-2', 'Card testing (alice, holder)'), {
      accountId: '712020:alice',
      now: new Date().toISOString(),
    });

    const [alice, bob] = await Promise.allSettled([aliceSaving, bobSaving]);
    const told = (r: PromiseSettledResult<{ title: string }>) =>
      r.status === 'fulfilled' ? `saved "${r.value.title}"` : `failed: ${(r.reason as Error).message}`;
    const after = (await readThreatModel(siteClient(site), 'PAY')).model;
    expect(after.threats.find((x) => x.id === 'T-2')!.title).toBe('Card testing (alice, holder)');
    expect(after.threats.find((x) => x.id === 'T-3')!.title).toBe('Refund replay (bob, queued)');
    expect(told(alice)).toBe('saved "Card testing (alice, holder)"');
    expect(told(bob)).toBe('saved "Refund replay (bob, queued)"');
  });

  it('prunes an administrator-written outcomes value near 32 KB with times in the future, and both edits are saved and said to be', async () => {
    // Someone holds the step from the revision stored now (a holder that will write nothing).
    const LOCK = currentModelLockPath(site, 'PAY');
    const admin = restAs(site, 'alice');
    const entries: Record<string, { ok: boolean; at: number }> = {};
    for (let i = 0; JSON.stringify({ v: 1, entries }).length < 32_730; i++)
      entries[`pad-${String(i).padStart(6, '0')}`] = { ok: true, at: 9e15 };
    expect(
      (await admin('PUT', '/rest/api/3/project/PAY/properties/without.model.outcomes', { v: 1, entries })).status,
    ).toBe(201);
    const model = (await readThreatModel(siteClient(site), 'PAY')).model;
    const rename = (id: string, title: string): ThreatEditRequest => renameEdit(model, id, title);
    await admin('PUT', LOCK, { holder: 'someone', expiresAt: Date.now() + 30_000 });
    // bob's writer waits until alice holds the turn and has read the queue: under a loaded machine
    // bob's own poll could otherwise take the freed lock first, and no outcome would be written.
    const holderReadQueue = signal();
    const bobSleeping = signal();
    const clock = clockUntil(holderReadQueue, bobSleeping);
    const bobSaving = saveThreatEdit(
      siteClient(site),
      'PAY',
      rename('T-4', 'Receipts (bob, queued)'),
      { accountId: '712020:bob', now: new Date().toISOString() },
      clock,
    );
    await bobSleeping.done;
    expect(site.store.all('projectProperty').some((p) => p.key.startsWith(QUEUE_PREFIX))).toBe(true);
    const mark = site.log.mark();
    await admin('DELETE', LOCK);
    const aliceClient = hookedAppClient(site, (path, req, phase) => {
      if (phase === 'after' && readsQueue(path, req)) holderReadQueue.fire();
      return undefined;
    });
    const [alice, bob] = await Promise.allSettled([
      saveThreatEdit(aliceClient, 'PAY', rename('T-5', 'Stuffing (alice, holder)'), {
        accountId: '712020:alice',
        now: new Date().toISOString(),
      }),
      bobSaving,
    ]);
    const after = (await readThreatModel(siteClient(site), 'PAY')).model;
    const told = (r: PromiseSettledResult<{ title: string }>) =>
      r.status === 'fulfilled' ? `saved "${r.value.title}"` : `failed: ${(r.reason as Error).message}`;
    expect(after.threats.find((x) => x.id === 'T-5')!.title).toBe('Stuffing (alice, holder)');
    expect(after.threats.find((x) => x.id === 'T-4')!.title).toBe('Receipts (bob, queued)');
    expect([told(alice), told(bob)]).toEqual(['saved "Stuffing (alice, holder)"', 'saved "Receipts (bob, queued)"']);
    const outcomes = site.store.all('projectProperty').find((p) => p.key === 'without.model.outcomes')?.value as {
      entries: Record<string, unknown>;
    };
    expect(Object.keys(outcomes.entries).some((k) => k.startsWith('pad-'))).toBe(false);
    expect(
      site.log
        .since(mark)
        .filter((r) => r.method === 'PUT' && r.path.endsWith('without.model.outcomes') && r.status >= 400),
    ).toEqual([]);
  });
});
