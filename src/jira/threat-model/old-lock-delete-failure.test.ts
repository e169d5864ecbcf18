import type { LocalSite } from '../../../local/site/server';
import { hookedAppClient } from '../../../test/support/hooked-client';
import { siteClient } from '../../../test/support/jira-clients';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { modelLocksLeft } from '../../../test/support/model-locks-left';
import { renameEdit } from '../../../test/support/threat-edits';
import { applyThreatEdit } from '../../domain/threat-model/threat-edit';
import type { TransportResponse } from '../client/transport';
import { COLLECT_AFTER_MS, lockKey } from './model-locks';
import { changeThreatModel, readThreatModel } from './threat-model-repository';
import { META_KEY } from './threat-model-shards';

// A write deletes the old step locks that are due (model-locks.ts) and records in the meta the
// floor below which none is left. A delete that fails must keep the floor at that lock, or the
// lock would stay in the project for good: no later write would look below the floor again.

const unavailable: TransportResponse = {
  status: 503,
  headers: { get: () => null },
  text: async () => JSON.stringify({ errorMessages: ['Service unavailable.'], errors: {} }),
};
const actor = { accountId: '712020:alice', now: '2026-12-03T05:00:00.000Z' };

describe('an old model lock whose delete fails', () => {
  let site: LocalSite;
  beforeAll(async () => (site = await startTestSite({ demo: true })));
  afterAll(() => site.close());

  const path = (key: string) => `/rest/api/3/project/PAY/properties/${key}`;
  const stored = (key: string) =>
    site.store
      .all('projectProperty')
      .some((p) => p.key === key && site.store.get('project', p.projectId)?.key === 'PAY');
  const rename = (id: string, title: string) =>
    changeThreatModel(
      hookedAppClient(site, (p, req, phase) =>
        phase === 'before' && req.method === 'DELETE' && p === path(failing) ? unavailable : undefined,
      ),
      'PAY',
      'alice',
      (model) => ({ model: applyThreatEdit(model, renameEdit(model, id, title), actor).model, result: undefined }),
    );
  let failing = '';

  it('keeps the floor at it, deletes the others, and a later write deletes it', async () => {
    const admin = restAs(site, 'alice');
    // The model some steps on, two steps' locks left, and a mark saying meta `revision` was
    // written long ago: both locks are due.
    const revision = modelLocksLeft(site, 'PAY').revision + 5;
    const meta = (await admin('GET', path(META_KEY))).body!.value as Record<string, unknown>;
    const old = Date.now() - COLLECT_AFTER_MS - 60_000;
    await admin('PUT', path(META_KEY), { ...meta, revision, locks: { floor: revision - 2, marks: [[revision, old]] } });
    for (const r of [revision - 2, revision - 1])
      await admin('PUT', path(lockKey(r)), { holder: 'done', token: `t${r}`, expiresAt: old });

    failing = lockKey(revision - 2);
    await rename('T-2', 'Card testing (delete fails)');
    expect([stored(lockKey(revision - 2)), stored(lockKey(revision - 1))]).toEqual([true, false]);
    expect(modelLocksLeft(site, 'PAY').floor).toBe(revision - 2);

    failing = '';
    await rename('T-2', 'Card testing (delete works)');
    expect(stored(lockKey(revision - 2))).toBe(false);
    expect(modelLocksLeft(site, 'PAY').floor).toBeGreaterThan(revision - 2);
    expect((await readThreatModel(siteClient(site), 'PAY')).model.threats.find((t) => t.id === 'T-2')!.title).toBe(
      'Card testing (delete works)',
    );
  });
});
