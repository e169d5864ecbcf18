import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../domain/common/app-error';
import { digestOf } from '../../domain/common/edit-receipt';
import { isTransient, JiraApiError } from './jira-errors';
import { deleteProperty, getProperty, putProperty, type Entity } from './entity-properties';
import type { JiraClient } from './jira-client';

// Jira has no compare-and-set on entity properties, but a PUT tells whether it created the
// property (201) or replaced it (200). Creating a lock property is therefore atomic: of two
// writers, exactly one gets 201. Whoever holds it does its read-check-write, then deletes it.
//
// Deleting is not conditional, so the rules below make sure nobody deletes a lock another
// writer holds:
// - a holder deletes its lock only while its lease has clearly not expired (nobody else may
//   touch a lock before it expires), and writes only while it has time left (the fence);
// - a lock that expired, cannot be read, or expires further ahead than MAX_LEASE_MS (written
//   by hand to block saves) is taken over by exactly one writer: the one that creates the
//   takeover marker for that very value (201), who checks the value is unchanged, deletes it,
//   then takes the lease like anyone else.
//
// The model's and the stories' saves key their lock by the revision they move from (see
// threat-model/model-locks.ts): they use one attempt at a time (tryLease), keep the lock once their
// step is made instead of releasing it, and leave an expired lock to its holder a while longer
// (takeoverGraceMs) before taking it over.

export interface LockStore {
  read(): Promise<unknown>;
  /** true when this write created the property. */
  create(value: unknown): Promise<boolean>;
  /**
   * One DELETE, never repeated by the client: Jira may apply a DELETE and answer 5xx, and another
   * writer may create the lock before a repeat, which would then delete THEIR lock. Whoever sends
   * it again decides how (see releaseLease: at once after a 429, after a read otherwise).
   */
  remove(): Promise<void>;
  /** Creates the takeover marker `stamp`: true for the one writer that created it. */
  claimTakeover(stamp: string): Promise<boolean>;
  forgetTakeover(stamp: string): Promise<void>;
}

/**
 * A lock kept in an entity property (a project's, or a story's), written with `client`. Reads,
 * creates and deletes are tried once each: the lease loop below waits and tries again itself.
 */
export const propertyLock = (client: JiraClient, entity: Entity, key: string): LockStore => {
  const polling = client.withoutRetries();
  const marker = (stamp: string) => `${key}.takeover.${stamp}`;
  return {
    read: () => getProperty(polling, entity, key),
    create: (value) => putProperty(polling, entity, key, value),
    remove: () => deleteProperty(polling, entity, key),
    claimTakeover: (stamp) => putProperty(polling, entity, marker(stamp), { at: Date.now() }),
    forgetTakeover: (stamp) => deleteProperty(client, entity, marker(stamp)),
  };
};

export interface LeaseOptions {
  holder: string;
  /**
   * Runs after the lock is read and before it is created, once however many attempts it takes:
   * the check that the person may make this write, read while the lock is, so it costs no round
   * trip of its own. It throws to refuse; nothing is written then.
   */
  beforeCreate?: () => Promise<void>;
  /**
   * The lock's value as read in one request with the value it guards (the model's properties),
   * used instead of the first attempt's own read of the lock: one request fewer. Safe because
   * the read only decides whether to try: exclusion comes from the create (201), a takeover reads
   * the lock again itself, and the guarded value is read again once the lock is held. A lock
   * someone created after this read makes the create answer 200: this attempt counts as not
   * taken, and the holder keeps its lease (the value now expires later, never sooner) and deletes
   * the lock when done. That is what happens when the lock is read on its own, too: the person's
   * check runs between the read and the create either way.
   */
  lockRead?: Promise<unknown>;
  /**
   * Asked right before the create: false when what the attempt read is too old to act on (a
   * revision-keyed lock, see model-locks.ts); nothing is written then and the attempt is not taken.
   */
  readStillFresh?: () => boolean;
  /**
   * How long past its expiry a lock is left to its holder before anyone takes it over. A
   * revision-keyed lock (model-locks.ts) needs this: its holder may have made its step just before
   * the expiry, and an attempt that read the older revision may still create the lock for a few
   * seconds; removing the lock in that time would let such an attempt write over the step.
   */
  takeoverGraceMs?: number;
  /**
   * The token to write, kept by the caller across its tries (a fresh one per try otherwise). A
   * lock found carrying it, unexpired, was stored by an earlier try whose answer was lost (a 5xx
   * after the write): it is this writer's, so writing it again (200) holds it. Only for a lock
   * nobody else can contend for (the next step's, see holdOnLock in threat-model-repository.ts).
   */
  token?: string;
  ttlMs?: number;
  maxWaitMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const LockValue = z.object({ holder: z.string(), expiresAt: z.number(), token: z.string().optional() });

/** The longest lease the app ever takes; every `ttlMs` passed here stays at or below it. */
export const MAX_LEASE_MS = 60_000;
/** The lease the app takes: longer than a resolver may run (25 s). */
const DEFAULT_TTL_MS = 30_000;
/** Clocks of two function instances may disagree by this much. */
export const CLOCK_SKEW_MS = 5_000;
/** A holder stops writing, and leaves its lock to expire, this long before the lease ends. */
const FENCE_MS = 8_000;
/** A takeover marker names the stale value and a time window, so a writer that died mid-takeover blocks it only until the next window. */
const TAKEOVER_WINDOW_MS = 20_000;
/**
 * How long a writer waits for a lease held by others. A resolver may run 25 s, so this leaves
 * room for the work itself; a burst of edits to different threats queues instead of failing.
 */
export const DEFAULT_LEASE_WAIT_MS = 19_000;

/** A lease this writer holds: until when, and a check before every write. */
export interface HeldLease {
  expiresAt: number;
  /** Set when this writer removed a stale lock to take the lease: its holder may have written part of its change. */
  tookOver?: true;
  /** The token this writer's lock carries: a release tried again deletes only a lock still carrying it. */
  token?: string;
  /** Throws when too little of the lease is left to write safely; nothing is written then. */
  assertHeld(): void;
}

/**
 * A lock nobody may honour: unreadable, expired, or expiring further ahead than any lease the
 * app takes (anyone who may write project or issue properties can write a lock by hand, and a
 * far-future expiry would otherwise block every save for good).
 */
function brokenLock(raw: unknown, now: number, grace = 0): boolean {
  const held = LockValue.safeParse(raw);
  return !held.success || held.data.expiresAt + grace < now || held.data.expiresAt > now + MAX_LEASE_MS + CLOCK_SKEW_MS;
}

/** Whether a lock value read from Jira leaves the lease free to take (absent, expired or broken). */
export const lockIsFree = (raw: unknown, now: number, grace = 0): boolean =>
  raw === undefined || brokenLock(raw, now, grace);

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function heldLease(expiresAt: number, now: () => number, token: string, tookOver = false): HeldLease {
  return {
    expiresAt,
    token,
    ...(tookOver ? { tookOver: true as const } : {}),
    assertHeld: () => {
      if (now() > expiresAt - FENCE_MS)
        throw new AppError(
          'CONFLICT',
          'Saving took too long, so nothing more was written. Reload to see what was saved, then try again.',
        );
    },
  };
}

/** Removes a stale lock, when this writer is the one that won its takeover; false otherwise. */
async function takeOver(lock: LockStore, stale: unknown, now: number): Promise<boolean> {
  const stamp = `${digestOf(stale)}.${Math.floor(now / TAKEOVER_WINDOW_MS)}`;
  if (!(await lock.claimTakeover(stamp))) return false;
  try {
    const again = await lock.read();
    if (JSON.stringify(again) !== JSON.stringify(stale)) return false;
    await lock.remove();
    return true;
  } finally {
    // The marker is this writer's on every way out (a changed value, a failed read or remove): a
    // marker left behind is a property nobody deletes. Deleting it is safe: another takeover of
    // the same value reads the lock again before it removes anything.
    await lock.forgetTakeover(stamp).catch(() => undefined);
  }
}

/** One attempt at the lease: the lease when this writer created the lock, else undefined. */
async function tryTake(
  lock: LockStore,
  options: Pick<
    LeaseOptions,
    'holder' | 'ttlMs' | 'beforeCreate' | 'lockRead' | 'readStillFresh' | 'takeoverGraceMs' | 'token'
  >,
  now: () => number,
): Promise<HeldLease | undefined> {
  const token = options.token ?? randomUUID();
  const reading = options.lockRead ?? lock.read();
  reading.catch(() => undefined); // awaited in the try below, once the check has passed
  await options.beforeCreate?.(); // a refusal, or a failed check, leaves before anything is written
  try {
    const raw = await reading;
    const grace = options.takeoverGraceMs ?? 0;
    const own = options.token !== undefined && ownLock(raw, options.token, now());
    if (raw !== undefined && !own && (!brokenLock(raw, now(), grace) || !(await takeOver(lock, raw, now()))))
      return undefined;
    if (options.readStillFresh?.() === false) return undefined;
    const expiresAt = now() + Math.min(options.ttlMs ?? DEFAULT_TTL_MS, MAX_LEASE_MS);
    const created = await lock.create({ holder: options.holder, token, expiresAt });
    // Over this writer's own lock a 200 holds it too: the write only moved its expiry on.
    return created || own ? heldLease(expiresAt, now, token, raw !== undefined && !own) : undefined;
  } catch (error) {
    if (!isTransient(error)) throw error;
    await withdrawOwnLock(lock, token, now);
    return undefined;
  }
}

/** Whether `raw` is a lock carrying `token` that has not expired: one an earlier try of this writer stored. */
function ownLock(raw: unknown, token: string, now: number): boolean {
  const held = LockValue.safeParse(raw);
  return held.success && held.data.token === token && !brokenLock(raw, now);
}

/**
 * A create that failed counts as not taken. Jira may have stored it all the same (a 5xx after
 * the write): a lock carrying this attempt's token would then block everyone until it expires,
 * so it is removed at once, as a release removes it (until the expiry it carries).
 */
async function withdrawOwnLock(lock: LockStore, token: string, now: () => number): Promise<void> {
  try {
    const held = LockValue.safeParse(await lock.read());
    if (held.success && held.data.token === token) await deleteWhileOurs(lock, held.data.expiresAt, token, { now });
  } catch {
    // Still failing: the lock, if stored, expires by itself.
  }
}

/** Whether the lock, read now, carries `token` (false when it is gone, another's, or the token is unknown). */
async function carriesToken(lock: LockStore, token: string | undefined): Promise<boolean> {
  if (token === undefined) return false;
  const held = LockValue.safeParse(await lock.read());
  return held.success && held.data.token === token;
}

/** One attempt at the lease, without waiting (release it with releaseLease). */
export async function tryLease(
  lock: LockStore,
  options: Pick<
    LeaseOptions,
    'holder' | 'ttlMs' | 'now' | 'beforeCreate' | 'lockRead' | 'readStillFresh' | 'takeoverGraceMs' | 'token'
  >,
): Promise<HeldLease | undefined> {
  return tryTake(lock, options, options.now ?? Date.now);
}

export async function withLease<T>(
  lock: LockStore,
  options: LeaseOptions,
  work: (lease: HeldLease) => Promise<T>,
): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? pause;
  const deadline = now() + (options.maxWaitMs ?? DEFAULT_LEASE_WAIT_MS);
  const gate = options.beforeCreate;
  let checked: Promise<void> | undefined;
  const once = { ...options, ...(gate ? { beforeCreate: () => (checked ??= gate()) } : {}) };
  const { lockRead: _readWithModel, ...later } = once; // that read serves the first attempt only
  let lease: HeldLease | undefined;
  for (let attempt = 0; !(lease = await tryTake(lock, attempt === 0 ? once : later, now)); attempt++) {
    if (now() >= deadline)
      throw new AppError('CONFLICT', 'Someone else is saving at the same moment. Wait a second and try again.');
    await sleep(Math.min(100 * 2 ** attempt, 800) + Math.floor(Math.random() * 50));
  }
  try {
    return await work(lease);
  } finally {
    await releaseLease(lock, lease, { now, sleep });
  }
}

/** Tries of one release, reads and deletes together, before it leaves the lock to expire. */
const RELEASE_TRIES = 8;

/**
 * Whether Jira declined the request without acting on it. A 429 is Jira's rate limiter declining
 * the request ("RateLimit-Reason: the reason the request was declined"; "if you reissue the
 * request before the retry period expires, the request will fail", Jira Cloud's rate limiting:
 * https://developer.atlassian.com/cloud/jira/platform/rate-limiting/): nothing was changed, so it
 * may be sent again as it is. Any other failure (a 5xx, no answer) may come after the change was made.
 */
export const declinedUnapplied = (error: unknown): boolean =>
  error instanceof JiraApiError && error.kind === 'RATE_LIMITED';

/** How long to wait before sending again: Jira's Retry-After when it gave one, else a doubling backoff. */
export const waitBeforeAgain = (error: unknown, attempt: number): number =>
  (error instanceof JiraApiError ? error.retryAfterMs : undefined) ?? Math.min(250 * 2 ** attempt, 2_000);

/**
 * Deletes the lock while it is surely still this holder's (its lease has not come near its
 * end: nobody else may touch it before), trying again while Jira fails: a lock left behind makes
 * every other writer wait for its expiry. A release that fails, or comes too late, does not turn a
 * stored edit into an error; the lock then expires and the next writer takes it over.
 *
 * The DELETE is never resent blindly. Declined with a 429, it was not applied: it is sent again
 * after the wait Jira asked for, with no read. Failed otherwise (a 5xx, no answer), it may have
 * been applied all the same, and another writer may have created the lock since: a resend would
 * delete THEIR lock. So the lock is read first and deleted only while it still carries this
 * lease's token; gone, or someone else's, the release is done.
 */
export async function releaseLease(
  lock: LockStore,
  lease: HeldLease,
  clock: { now?: () => number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<void> {
  return deleteWhileOurs(lock, lease.expiresAt, lease.token, clock);
}

/** Deletes this writer's lock (carrying `token`, expiring at `expiresAt`) as releaseLease tells. */
async function deleteWhileOurs(
  lock: LockStore,
  expiresAt: number,
  token: string | undefined,
  clock: { now?: () => number; sleep?: (ms: number) => Promise<void> },
): Promise<void> {
  const now = clock.now ?? Date.now;
  const sleep = clock.sleep ?? pause;
  const ranOut = () => console.warn('without: a lease ran out before it was released; it expires by itself');
  let unsure = false; // a DELETE's answer was lost: the lock is read before the next one
  for (let attempt = 0; ; attempt++) {
    if (now() > expiresAt - CLOCK_SKEW_MS) return ranOut();
    let deleting = false;
    try {
      if (unsure) {
        if (!(await carriesToken(lock, token))) return;
        unsure = false; // still ours after that DELETE: it was not applied
      }
      deleting = true;
      return await lock.remove();
    } catch (error) {
      if (deleting && !declinedUnapplied(error)) unsure = true;
      if (attempt >= RELEASE_TRIES - 1 || !isTransient(error))
        return console.warn(`without: could not release a lease; it expires by itself (${String(error)})`);
      const wait = waitBeforeAgain(error, attempt);
      if (now() + wait > expiresAt - CLOCK_SKEW_MS) return ranOut();
      await sleep(wait);
    }
  }
}
