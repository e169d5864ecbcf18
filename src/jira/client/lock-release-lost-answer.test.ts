import type { LocalSite } from '../../../local/site/server';
import { hookedAppClient } from '../../../test/support/hooked-client';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { projectEntity } from './entity-properties';
import { propertyLock, releaseLease, tryLease } from './property-lease';
import type { TransportResponse } from './transport';

// Jira may apply a DELETE and still answer 500. A release that simply sent the DELETE again (the
// client's own retry did) removed whatever lock stood there by then: another writer's, created in
// between (the knowledge-base accept gives the model's lock back and takes it again within
// ~300 ms), so a third writer could take the same step: a lost update.

const answer = (status: number): TransportResponse => ({
  status,
  headers: { get: () => null },
  text: async () => JSON.stringify({ errorMessages: ['Internal server error.'], errors: {} }),
});

describe('a lock release answered 500', () => {
  let site: LocalSite;
  beforeAll(async () => (site = await startTestSite({ demo: true })));
  afterAll(() => site.close());

  /** The app's client: the first DELETE of `path` is answered 500, after `first` ran in its place. */
  const losingDelete = (path: string, first: () => Promise<void>) => {
    const seen = { deletes: 0, reads: 0 };
    const app = hookedAppClient(site, async (p, req, phase) => {
      if (phase !== 'before' || p !== path) return undefined;
      if (req.method === 'GET') seen.reads++;
      if (req.method !== 'DELETE' || ++seen.deletes > 1) return undefined;
      await first();
      return answer(500);
    });
    return { app, seen };
  };

  it('applied, then another writer created the lock: their lock survives, and nothing is deleted again', async () => {
    const key = 'without.test-release-applied';
    const path = `/rest/api/3/project/PAY/properties/${key}`;
    const theirs = { holder: 'bob', token: 'bobs-token', expiresAt: Date.now() + 30_000 };
    const { app, seen } = losingDelete(path, async () => {
      expect((await restAs(site, 'alice')('DELETE', path)).status).toBe(204);
      expect((await restAs(site, 'alice')('PUT', path, theirs)).status).toBe(201);
    });
    const lock = propertyLock(app, projectEntity('PAY'), key);
    const lease = await tryLease(lock, { holder: 'alice' });
    expect(lease).toBeDefined();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await releaseLease(lock, lease!, { sleep: async () => undefined });
    warn.mockRestore();
    const left = await restAs(site, 'alice')('GET', path);
    expect(left.body?.value).toEqual(theirs);
    // One DELETE (answered 500), then one read that found another's token: no second DELETE.
    expect(seen).toEqual({ deletes: 1, reads: 2 });
  });

  it('not applied: the lock still carries this lease’s token, so it is read and deleted again', async () => {
    const key = 'without.test-release-not-applied';
    const path = `/rest/api/3/project/PAY/properties/${key}`;
    const { app, seen } = losingDelete(path, async () => undefined);
    const lock = propertyLock(app, projectEntity('PAY'), key);
    const lease = await tryLease(lock, { holder: 'alice' });
    await releaseLease(lock, lease!, { sleep: async () => undefined });
    expect((await restAs(site, 'alice')('GET', path)).status).toBe(404);
    expect(seen).toEqual({ deletes: 2, reads: 2 });
  });
});
