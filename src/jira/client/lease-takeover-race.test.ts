import type { LocalSite } from '../../../local/site/server';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { siteClient } from '../../../test/support/jira-clients';
import { renameEdit } from '../../../test/support/threat-edits';
import { hookedAppClient, signal } from '../../../test/support/hooked-client';
import type { ThreatEditRequest } from '../../domain/threat-model/threat-edit';
import { saveThreatEdit } from '../threat-model/threat-edit-queue';
import { readThreatModel, TAKEOVER_GRACE_MS } from '../threat-model/threat-model-repository';
import { currentModelLockPath } from '../../../test/support/model-locks-left';

// The lease's stale-lock takeover used to be read -> DELETE -> create: two writers that both
// read an expired lock both ended up holding the lease, the second one's DELETE removing the
// first one's fresh lock, and an acknowledged edit was lost (found by an attacker's review).
// Now only the writer that wins the takeover marker deletes the stale lock. The model's locks are
// keyed by revision (model-locks.ts): the stale lock here is the one of the step from the revision
// stored now, left by a holder that died without making its step.

describe('two writers that find the same expired lock', () => {
  let site: LocalSite;
  beforeAll(async () => (site = await startTestSite({ demo: true })));
  afterAll(() => site.close());

  it('take turns: only the marker’s winner deletes it, both are told their edit was saved, and both edits are stored', async () => {
    const model = (await readThreatModel(siteClient(site), 'PAY')).model;
    const LOCK = currentModelLockPath(site, 'PAY');
    const key = LOCK.slice(LOCK.lastIndexOf('/') + 1);
    const MODEL_READ = '/rest/api/3/project/PAY?properties=';
    const readsLock = (path: string) =>
      path === LOCK ||
      (path.startsWith(MODEL_READ) && decodeURIComponent(path.slice(MODEL_READ.length)).split(',').includes(key));
    const rename = (id: string, title: string): ThreatEditRequest => renameEdit(model, id, title);
    // A holder died long enough ago that its lock may be taken over (past the grace a step's lock gets).
    const expiredAt = Date.now() - TAKEOVER_GRACE_MS - 1000;
    expect((await restAs(site, 'alice')('PUT', LOCK, { holder: 'crashed', expiresAt: expiredAt })).status).toBe(201);

    const bSawLock = signal();
    const aClaimed = signal();
    const bReadUnderA = signal();
    let aHolds = false;
    const a = hookedAppClient(site, async (path, req, phase) => {
      if (phase === 'after' && path.startsWith(`${LOCK}.takeover.`) && req.method === 'PUT') aClaimed.fire();
      if (phase === 'before' && path === LOCK && req.method === 'DELETE') await bSawLock.done;
      if (phase === 'after' && path === LOCK && req.method === 'PUT') aHolds = true;
      if (phase === 'before' && path.includes('without.model.shard.') && req.method === 'PUT') await bReadUnderA.done;
    });
    let bDeletes = 0;
    const b = hookedAppClient(site, async (path, req, phase) => {
      if (phase === 'after' && req.method === 'GET' && readsLock(path)) bSawLock.fire();
      if (phase === 'before' && path.startsWith(`${LOCK}.takeover.`) && req.method === 'PUT') await aClaimed.done;
      if (phase === 'before' && path === LOCK && req.method === 'DELETE') bDeletes++;
      if (phase === 'after' && path.startsWith(MODEL_READ) && aHolds) bReadUnderA.fire();
    });
    const alice = { accountId: '712020:alice', now: new Date().toISOString() };
    const bob = { accountId: '712020:bob', now: new Date().toISOString() };
    const [savedA, savedB] = await Promise.all([
      saveThreatEdit(a, 'PAY', rename('T-2', 'Card testing (alice, acknowledged)'), alice),
      saveThreatEdit(b, 'PAY', rename('T-3', 'Refund replay (bob, acknowledged)'), bob),
    ]);
    const after = (await readThreatModel(siteClient(site), 'PAY')).model;
    const stored = ['T-2', 'T-3'].map((id) => `${id}: ${after.threats.find((t) => t.id === id)!.title}`);
    expect(bDeletes).toBe(0);
    expect(savedA.title).toBe('Card testing (alice, acknowledged)');
    expect(savedB.title).toBe('Refund replay (bob, acknowledged)');
    expect(stored).toEqual(['T-2: Card testing (alice, acknowledged)', 'T-3: Refund replay (bob, acknowledged)']);
  });
});
