import { JiraApiError } from './jira-errors';
import { MAX_LEASE_MS, tryLease, withLease, type LockStore } from './property-lease';

// A lock kept in memory with Jira's PUT semantics (created or replaced) and a fake clock.
function memoryLock(initial?: unknown) {
  const state = { value: initial as unknown, removeFails: false, creates: 0, markers: new Set<string>(), removes: 0 };
  const lock: LockStore = {
    claimTakeover: async (stamp) => {
      const created = !state.markers.has(stamp);
      state.markers.add(stamp);
      return created;
    },
    forgetTakeover: async (stamp) => void state.markers.delete(stamp),
    read: async () => state.value,
    create: async (value) => {
      state.creates++;
      const created = state.value === undefined;
      state.value = value;
      return created;
    },
    remove: async () => {
      if (state.removeFails) throw new Error('Jira answered 500');
      state.removes++;
      state.value = undefined;
    },
  };
  return { lock, state };
}

const clock = () => {
  let t = 1_000_000;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
};

describe('withLease', () => {
  it('takes over a lock written by hand with an expiry far beyond the longest lease', async () => {
    const time = clock();
    const { lock, state } = memoryLock({ holder: 'mallory', expiresAt: time.now() + 365 * 24 * 3600 * 1000 });
    await expect(withLease(lock, { holder: 'alice', ...time }, async () => 'saved')).resolves.toBe('saved');
    expect(state.value).toBeUndefined();
  });

  it('waits for a lock held within the longest lease, and gives up with a conflict at its deadline', async () => {
    const time = clock();
    const { lock } = memoryLock({ holder: 'bob', expiresAt: time.now() + MAX_LEASE_MS });
    await expect(
      withLease(lock, { holder: 'alice', maxWaitMs: 2_000, ...time }, async () => 'saved'),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('takes over an unreadable lock and an expired one', async () => {
    for (const value of ['garbage', { holder: 'bob', expiresAt: 5 }]) {
      const time = clock();
      const { lock } = memoryLock(value);
      await expect(withLease(lock, { holder: 'alice', ...time }, async () => 'saved')).resolves.toBe('saved');
    }
  });

  it('answers the stored result when only releasing the lock fails (the lock then expires)', async () => {
    const time = clock();
    const { lock, state } = memoryLock();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    state.removeFails = true;
    await expect(withLease(lock, { holder: 'alice', ...time }, async () => 'saved')).resolves.toBe('saved');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not release a lease'));
    warn.mockRestore();
  });

  it('never writes a lock that lives longer than the longest lease', async () => {
    const time = clock();
    const { lock, state } = memoryLock();
    let seen: unknown;
    await withLease(
      lock,
      { holder: 'alice', ttlMs: 10 * MAX_LEASE_MS, ...time },
      async () => void (seen = state.value),
    );
    expect(seen).toEqual({ holder: 'alice', token: expect.any(String), expiresAt: time.now() + MAX_LEASE_MS });
  });

  it('uses the lock read with the model for its first attempt only, and waits for a lock it shows held', async () => {
    const time = clock();
    const { lock, state } = memoryLock({ holder: 'bob', expiresAt: time.now() + 5_000 });
    const reads = jest.fn(lock.read);
    const counted = { ...lock, read: reads };
    // Bob releases while Alice waits: her later attempts read the lock themselves.
    const sleep = async (ms: number) => {
      await time.sleep(ms);
      state.value = undefined;
    };
    const saved = withLease(
      counted,
      { holder: 'alice', lockRead: Promise.resolve(state.value), now: time.now, sleep },
      async () => 'saved',
    );
    await expect(saved).resolves.toBe('saved');
    expect(state.creates).toBe(1); // never a create over Bob's lock
    expect(reads).toHaveBeenCalledTimes(1); // the second attempt's own read; the first used the model's
  });

  it('two writers whose reads with the model both saw the lock free: exactly one holds it, the other waits', async () => {
    const time = clock();
    const { lock, state } = memoryLock();
    const order: string[] = [];
    const work = (who: string) => async () => {
      order.push(`${who} in`);
      await Promise.resolve();
      order.push(`${who} out`);
      return who;
    };
    const sleep = async (ms: number) => void (await time.sleep(ms));
    const free = Promise.resolve(undefined);
    const results = await Promise.all([
      withLease(lock, { holder: 'alice', lockRead: free, now: time.now, sleep }, work('alice')),
      withLease(lock, { holder: 'bob', lockRead: free, now: time.now, sleep }, work('bob')),
    ]);
    expect(results.sort()).toEqual(['alice', 'bob']);
    // Never both inside: each one's work ends before the other's begins.
    expect([order.slice(0, 2), order.slice(2)].every(([a, b]) => a!.split(' ')[0] === b!.split(' ')[0])).toBe(true);
    expect(state.value).toBeUndefined();
  });

  it('lets exactly one of two writers that both saw the same stale lock take it over', async () => {
    const time = clock();
    const { lock, state } = memoryLock({ holder: 'crashed', expiresAt: time.now() - 1 });
    const stale = await lock.read();
    // Both read the stale value before either acts: the marker decides, and only its winner deletes.
    const racing = { ...lock, read: async () => stale };
    const [first, second] = await Promise.all([
      tryLease(racing, { holder: 'alice', now: time.now }),
      tryLease(racing, { holder: 'bob', now: time.now }),
    ]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(state.removes).toBe(1);
  });

  it('removes its own lock when Jira stored the create but answered with an error, instead of blocking everyone until it expires', async () => {
    const time = clock();
    const { lock, state } = memoryLock();
    const failingAfterWrite = {
      ...lock,
      create: async (value: unknown) => {
        await lock.create(value);
        throw new JiraApiError('UNAVAILABLE', 'Jira answered 500', 500);
      },
    };
    expect(await tryLease(failingAfterWrite, { holder: 'alice', now: time.now })).toBeUndefined();
    expect(state.value).toBeUndefined();
    expect(await tryLease(lock, { holder: 'bob', now: time.now })).toBeDefined();
  });

  it('does not delete a lock once its lease has run out: by then another writer may hold it', async () => {
    const time = clock();
    const { lock, state } = memoryLock();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await withLease(lock, { holder: 'alice', ttlMs: 20_000, ...time }, async (lease) => {
      await time.sleep(25_000);
      expect(() => lease.assertHeld()).toThrow(/Saving took too long/);
    });
    expect(state.removes).toBe(0);
    warn.mockRestore();
  });
});
