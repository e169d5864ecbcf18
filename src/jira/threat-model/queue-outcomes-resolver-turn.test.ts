import type { LocalSite } from '../../../local/site/server';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { currentModelLockPath } from '../../../test/support/model-locks-left';
import { siteClient } from '../../../test/support/jira-clients';
import { renameEdit } from '../../../test/support/threat-edits';
import { signal } from '../../../test/support/hooked-client';
import type { ThreatEditRequest } from '../../domain/threat-model/threat-edit';
import { changeThreat } from '../../app/threat-model/change-threat';
import { CallMemo } from '../client/call-memo';
import { OUTCOMES_KEY, QUEUE_PREFIX, saveThreatEdit, type QueueClock } from './threat-edit-queue';
import { readThreatModel } from './threat-model-repository';

// A holder that takes its turn through a resolver (changeThreat -> asModelEditor ->
// modelWithLockOf) acts on a first read that never asked for the queue's outcomes. Were they taken
// as empty, every queued entry would look unsettled, be applied again on the holder's model, and
// the outcomes record be written over: a queued writer whose edit an earlier holder stored would be
// told it failed. holdTurn reads the outcomes with the queued entries, under the lock.

describe('a resolver turn and the queue outcomes an earlier holder recorded', () => {
  let site: LocalSite;
  beforeAll(async () => (site = await startTestSite({ demo: true })));
  afterAll(() => site.close());

  /** bob queues an edit of `bobs`; carol's turn stores it; then alice edits `bobs` as `aliceSaves`; what bob is told. */
  async function scenario(
    bobs: string,
    carols: string,
    aliceSaves: (edit: ThreatEditRequest) => Promise<unknown>,
  ): Promise<string> {
    const LOCK = currentModelLockPath(site, 'PAY');
    const app = siteClient(site);
    const model0 = (await readThreatModel(app, 'PAY')).model;
    const admin = restAs(site, 'alice');
    await admin('PUT', LOCK, { holder: 'someone', expiresAt: Date.now() + 30_000 });

    // bob queues; his writer polls once, then waits until both later turns are done.
    const bothTurnsDone = signal();
    const bobWaits = signal();
    let t = Date.now();
    const clock: QueueClock = {
      now: () => t,
      sleep: async (ms) => {
        bobWaits.fire();
        await bothTurnsDone.done;
        t += ms;
      },
    };
    const bobSaving = saveThreatEdit(
      siteClient(site),
      'PAY',
      renameEdit(model0, bobs, `${bobs} (bob, queued)`),
      { accountId: '712020:bob', now: new Date().toISOString() },
      clock,
    );
    bobSaving.catch(() => undefined);
    // Once his first poll found the lock held (else his own writer could take the turn itself).
    await bobWaits.done;
    expect(site.store.all('projectProperty').some((p) => p.key.startsWith(QUEUE_PREFIX))).toBe(true);
    await admin('DELETE', LOCK);

    // carol's turn (the queue's own read, with the outcomes) stores bob's edit and records it.
    await saveThreatEdit(app, 'PAY', renameEdit(model0, carols, `${carols} (carol)`), {
      accountId: '712020:carol',
      now: new Date().toISOString(),
    });
    const model1 = (await readThreatModel(app, 'PAY')).model;
    expect(model1.threats.find((x) => x.id === bobs)!.title).toBe(`${bobs} (bob, queued)`);
    const recorded = site.store.all('projectProperty').find((p) => p.key === OUTCOMES_KEY)?.value as {
      entries: Record<string, { ok: boolean }>;
    };
    expect(Object.values(recorded.entries).some((o) => o.ok)).toBe(true);

    // alice edits the same threat as she now sees it (bob's version).
    await aliceSaves(renameEdit(model1, bobs, `${bobs} (alice)`));
    bothTurnsDone.fire();
    return bobSaving.then(
      (threat) => `saved "${threat.title}"`,
      (error: Error) => `failed: ${error.message}`,
    );
  }

  it('control: alice through the queue’s own read (with the outcomes): bob is told his edit was saved', async () => {
    const bob = await scenario('T-4', 'T-2', (edit) =>
      saveThreatEdit(siteClient(site), 'PAY', edit, { accountId: '712020:alice', now: new Date().toISOString() }),
    );
    expect(bob).toMatch(/^saved "T-4/);
  });

  it('alice through the resolver (changeThreat): bob, whose edit WAS stored, must not be told it failed', async () => {
    const bob = await scenario('T-3', 'T-5', (edit) =>
      changeThreat(
        { user: siteClient(site, '712020:alice'), app: siteClient(site), memo: new CallMemo() },
        'PAY',
        '712020:alice',
        edit,
      ),
    );
    // Before the fix: 'failed: Someone else changed T-3 while you were editing (your copy is revision 1, the saved one 3)...'
    expect(bob).toMatch(/^saved "T-3/);
  });
});
