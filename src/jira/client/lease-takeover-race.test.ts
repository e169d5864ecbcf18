import type { LocalSite } from '../../../local/site/server';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { siteClient } from '../../../test/support/jira-clients';
import { renameEdit } from '../../../test/support/threat-edits';
import { hookedAppClient, signal } from '../../../test/support/hooked-client';
import type { ThreatEditRequest } from '../../domain/threat-model/threat-edit';
import { saveThreatEdit } from '../threat-model/threat-edit-queue';
import { readThreatModel } from '../threat-model/threat-model-repository';

// The lease's stale-lock takeover used to be read -> DELETE -> create: two writers that both
// read an expired lock both ended up holding the lease, the second one's DELETE removing the
// first one's fresh lock, and an acknowledged edit was lost (found by an attacker's review).
// Now only the writer that wins the takeover marker deletes the stale lock.

describe('two writers that find the same expired lock', () => {
  let site: LocalSite;
  beforeAll(async () => (site = await startTestSite({ demo: true })));
  afterAll(() => site.close());

  it('take turns: both are told their edit was saved, and both edits are stored', async () => {
    const LOCK = '/rest/api/3/project/PAY/properties/without.model.lock';
    const MODEL_READ = '/rest/api/3/project/PAY?properties=';
    const model = (await readThreatModel(siteClient(site), 'PAY')).model;
    const rename = (id: string, title: string): ThreatEditRequest => renameEdit(model, id, title);
    // A holder died 1 s ago and left its lock.
    expect((await restAs(site, 'alice')('PUT', LOCK, { holder: 'crashed', expiresAt: Date.now() - 1000 })).status).toBe(
      201,
    );

    const bReadLock = signal();
    const aCreated = signal();
    const bReadModel = signal();
    const a = hookedAppClient(site, async (path, req, phase) => {
      if (phase === 'before' && path === LOCK && req.method === 'DELETE') await bReadLock.done;
      if (phase === 'after' && path === LOCK && req.method === 'PUT') aCreated.fire();
      if (phase === 'before' && path.includes('without.model.shard.') && req.method === 'PUT') await bReadModel.done;
    });
    let bLockReads = 0;
    let bDeletes = 0;
    const b = hookedAppClient(site, async (path, req, phase) => {
      if (phase === 'after' && path === LOCK && req.method === 'GET' && ++bLockReads === 1) bReadLock.fire();
      if (phase === 'before' && path === LOCK && req.method === 'DELETE' && ++bDeletes === 1) await aCreated.done;
      if (phase === 'after' && path.startsWith(MODEL_READ)) bReadModel.fire();
    });
    const alice = { accountId: '712020:alice', now: new Date().toISOString() };
    const bob = { accountId: '712020:bob', now: new Date().toISOString() };
    const [savedA, savedB] = await Promise.all([
      saveThreatEdit(a, 'PAY', rename('T-2', 'Card testing (alice, acknowledged)'), alice),
      saveThreatEdit(b, 'PAY', rename('T-3', 'Refund replay (bob, acknowledged)'), bob),
    ]);
    const after = (await readThreatModel(siteClient(site), 'PAY')).model;
    const stored = ['T-2', 'T-3'].map((id) => `${id}: ${after.threats.find((t) => t.id === id)!.title}`);
    expect(savedA.title).toBe('Card testing (alice, acknowledged)');
    expect(savedB.title).toBe('Refund replay (bob, acknowledged)');
    expect(stored).toEqual(['T-2: Card testing (alice, acknowledged)', 'T-3: Refund replay (bob, acknowledged)']);
  });
});
