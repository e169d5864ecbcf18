import { tryLease, type LockStore } from './property-lease';

// A writer that wins the takeover marker of a stale lock deletes the marker however the takeover
// ends: when the lock changed meanwhile (someone else took it over), and when its remove fails.
// A marker left behind is a property nobody ever deletes.

const NOW = 1_800_000_000_000;
const stale = { holder: 'crashed', token: 't-1', expiresAt: NOW - 60_000 };

function fakeLock(over: Partial<LockStore>): LockStore & { forgotten: string[]; removed: number } {
  const lock = {
    forgotten: [] as string[],
    removed: 0,
    read: async () => stale as unknown,
    create: async () => true,
    remove: async () => void lock.removed++,
    claimTakeover: async () => true,
    forgetTakeover: async (stamp: string) => void lock.forgotten.push(stamp),
    ...over,
  };
  return lock;
}

const attempt = (lock: LockStore) => tryLease(lock, { holder: 'me', now: () => NOW, lockRead: Promise.resolve(stale) });

describe('the takeover marker', () => {
  it('is deleted after a takeover that removed the stale lock', async () => {
    const lock = fakeLock({});
    expect(await attempt(lock)).toMatchObject({ tookOver: true });
    expect([lock.removed, lock.forgotten.length]).toEqual([1, 1]);
  });

  it('is deleted when the lock read again is no longer the stale value; nothing is removed', async () => {
    const lock = fakeLock({ read: async () => ({ ...stale, token: 't-2', expiresAt: NOW + 30_000 }) });
    expect(await attempt(lock)).toBeUndefined();
    expect([lock.removed, lock.forgotten.length]).toEqual([0, 1]);
  });

  it('is deleted when the remove fails, and the failure is not swallowed', async () => {
    const lock = fakeLock({
      remove: async () => {
        throw new Error('403 from Jira');
      },
    });
    await expect(attempt(lock)).rejects.toThrow('403 from Jira');
    expect(lock.forgotten).toHaveLength(1);
  });

  it('is not touched by a writer that did not win it', async () => {
    const lock = fakeLock({ claimTakeover: async () => false });
    expect(await attempt(lock)).toBeUndefined();
    expect(lock.forgotten).toEqual([]);
  });
});
