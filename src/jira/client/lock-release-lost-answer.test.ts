import type { LocalSite } from '../../../local/site/server';
import { hookedAppClient } from '../../../test/support/hooked-client';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { projectEntity } from './entity-properties';
import { propertyLock, releaseLease, tryLease } from './property-lease';
import type { TransportResponse } from './transport';

// Jira may apply a DELETE and still answer 500. A release that simply sent the DELETE again (the
// client's own retry did) removed whatever lock stood there by then: another writer's, created in
// between (the knowledge-base accept gives the model's lock back and takes it again within
// ~300 ms), so a third writer could take the same step: a lost update. A 429, though, is Jira
// declining the request unapplied: that DELETE is sent again as it is, after Retry-After.

const answer = (status: number, retryAfterSeconds?: number): TransportResponse => ({
  status,
  headers: { get: (name) => (name.toLowerCase() === 'retry-after' ? (retryAfterSeconds?.toString() ?? null) : null) },
  text: async () =>
    JSON.stringify({ errorMessages: [status === 429 ? 'Rate limit exceeded.' : 'Internal server error.'], errors: {} }),
});

describe('a lock release whose DELETE failed', () => {
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

  /** The app's client: the first `declined` DELETEs of `path` are answered 429 (Retry-After 2 s), not applied. */
  const decliningDelete = (path: string, declined: number) => {
    const seen = { deletes: 0, reads: 0 };
    const app = hookedAppClient(site, async (p, req, phase) => {
      if (phase !== 'before' || p !== path) return undefined;
      if (req.method === 'GET') seen.reads++;
      if (req.method === 'DELETE' && ++seen.deletes <= declined) return answer(429, 2);
      return undefined;
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

  it('declined with 429 twice: sent again after Retry-After each time, with no read, and the lock is gone', async () => {
    const key = 'without.test-release-declined';
    const path = `/rest/api/3/project/PAY/properties/${key}`;
    const { app, seen } = decliningDelete(path, 2);
    const lock = propertyLock(app, projectEntity('PAY'), key);
    const lease = await tryLease(lock, { holder: 'alice' });
    expect(lease).toBeDefined();
    const waits: number[] = [];
    await releaseLease(lock, lease!, { sleep: async (ms) => void waits.push(ms) });
    expect((await restAs(site, 'alice')('GET', path)).status).toBe(404);
    // The one read is the lease's own, before its create: the release spent none.
    expect(seen).toEqual({ deletes: 3, reads: 1 });
    expect(waits).toEqual([2_000, 2_000]);
  });

  it('a Retry-After past what is left of the lease: not sent again, the lock is left to expire', async () => {
    const key = 'without.test-release-declined-late';
    const path = `/rest/api/3/project/PAY/properties/${key}`;
    const { app, seen } = decliningDelete(path, 1);
    const lock = propertyLock(app, projectEntity('PAY'), key);
    let clock = Date.now();
    const lease = await tryLease(lock, { holder: 'alice', now: () => clock });
    clock = lease!.expiresAt - 6_000; // 1 s before the release must stop: a 2 s wait would pass it
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await releaseLease(lock, lease!, { now: () => clock, sleep: async () => undefined });
    warn.mockRestore();
    expect(seen.deletes).toBe(1);
    expect((await restAs(site, 'alice')('GET', path)).status).toBe(200);
  });

  it('a create stored but answered 500, its withdrawal declined with 429: sent again, and the lock is gone', async () => {
    const key = 'without.test-withdraw-declined';
    const path = `/rest/api/3/project/PAY/properties/${key}`;
    const seen = { deletes: 0, reads: 0 };
    const app = hookedAppClient(site, async (p, req, phase) => {
      if (phase !== 'before' || p !== path) return undefined;
      if (req.method === 'GET') seen.reads++;
      if (req.method === 'PUT') {
        await restAs(site, 'alice')('PUT', path, JSON.parse(req.body!));
        return answer(500);
      }
      if (req.method === 'DELETE' && ++seen.deletes === 1) return answer(429, 0);
      return undefined;
    });
    const lock = propertyLock(app, projectEntity('PAY'), key);
    await expect(tryLease(lock, { holder: 'alice' })).resolves.toBeUndefined();
    expect((await restAs(site, 'alice')('GET', path)).status).toBe(404);
    // The attempt's read, the withdrawal's read (the lock carries this attempt's token), two DELETEs.
    expect(seen).toEqual({ deletes: 2, reads: 2 });
  });
});
