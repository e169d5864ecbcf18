import { z } from 'zod';
import { AppError } from '../domain/app-error';
import { JiraApiError } from './jira-errors';
import { deleteProperty, getProperty, putProperty, type Entity } from './entity-properties';
import type { JiraClient } from './jira-client';

// Jira has no compare-and-set on entity properties, but a PUT tells whether it created the
// property (201) or replaced it (200). Creating a lock property is therefore atomic: of two
// writers, exactly one gets 201. Whoever holds it does its read-check-write, then deletes it.
// A holder that dies leaves a lock that expires; the next writer removes it. A lock whose
// expiry lies further ahead than MAX_LEASE_MS is broken (written by hand) and taken over.

export interface LockStore {
  read(): Promise<unknown>;
  /** true when this write created the property. */
  create(value: unknown): Promise<boolean>;
  remove(): Promise<void>;
}

/**
 * A lock kept in an entity property (a project's, or a story's), written with `client`. Reads
 * and creates are tried once each: the lease loop below waits and tries again itself.
 */
export const propertyLock = (client: JiraClient, entity: Entity, key: string): LockStore => {
  const polling = client.withoutRetries();
  return {
    read: () => getProperty(polling, entity, key),
    create: (value) => putProperty(polling, entity, key, value),
    remove: () => deleteProperty(client, entity, key),
  };
};

export interface LeaseOptions {
  holder: string;
  ttlMs?: number;
  maxWaitMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const LockValue = z.object({ holder: z.string(), expiresAt: z.number() });

/** The longest lease the app ever takes; every `ttlMs` passed here stays at or below it. */
export const MAX_LEASE_MS = 60_000;
/** Clocks of two function instances may disagree by this much. */
const CLOCK_SKEW_MS = 5_000;
/**
 * How long a writer waits for a lease held by others. A resolver may run 25 s, so this leaves
 * room for the work itself; a burst of edits to different threats queues instead of failing.
 */
export const DEFAULT_LEASE_WAIT_MS = 19_000;

/** Jira busy or failing: the lease loop tries again at its next turn instead of giving up. */
const transient = (error: unknown): boolean => error instanceof JiraApiError && (error.kind === 'RATE_LIMITED' || error.kind === 'UNAVAILABLE' || error.kind === 'NETWORK');

/**
 * Tries once to take the lock: true when this writer created it. A create that failed counts as
 * not taken (if Jira stored it all the same, it expires within its ttl).
 */
async function tryTake(lock: LockStore, value: { holder: string; expiresAt: number }, now: number): Promise<boolean> {
  try {
    const raw = await lock.read();
    const stale = raw !== undefined && brokenLock(raw, now);
    if (raw !== undefined && !stale) return false;
    if (stale) await lock.remove();
    return await lock.create(value);
  } catch (error) {
    if (transient(error)) return false;
    throw error;
  }
}

/**
 * A lock nobody may honour: unreadable, expired, or expiring further ahead than any lease the
 * app takes (anyone who may write project or issue properties can write a lock by hand, and a
 * far-future expiry would otherwise block every save for good).
 */
function brokenLock(raw: unknown, now: number): boolean {
  const held = LockValue.safeParse(raw);
  return !held.success || held.data.expiresAt < now || held.data.expiresAt > now + MAX_LEASE_MS + CLOCK_SKEW_MS;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Whether a lock value read from Jira leaves the lease free to take (absent, expired or broken). */
export const lockIsFree = (raw: unknown, now: number): boolean => raw === undefined || brokenLock(raw, now);

/** One attempt at the lease, without waiting: true when this writer now holds it (release it with releaseLease). */
export async function tryLease(lock: LockStore, options: Pick<LeaseOptions, 'holder' | 'ttlMs' | 'now'>): Promise<boolean> {
  const now = options.now ?? Date.now;
  return tryTake(lock, { holder: options.holder, expiresAt: now() + Math.min(options.ttlMs ?? 15_000, MAX_LEASE_MS) }, now());
}

export async function withLease<T>(lock: LockStore, options: LeaseOptions, work: () => Promise<T>): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? pause;
  const ttl = Math.min(options.ttlMs ?? 15_000, MAX_LEASE_MS);
  const deadline = now() + (options.maxWaitMs ?? DEFAULT_LEASE_WAIT_MS);
  for (let attempt = 0; ; attempt++) {
    if (await tryTake(lock, { holder: options.holder, expiresAt: now() + ttl }, now())) break;
    if (now() >= deadline) throw new AppError('CONFLICT', 'Someone else is saving at the same moment. Wait a second and try again.');
    await sleep(Math.min(100 * 2 ** attempt, 800) + Math.floor(Math.random() * 50));
  }
  try {
    return await work();
  } finally {
    await releaseLease(lock, sleep);
  }
}

/**
 * Deletes the lock, trying a few times: a lock left behind makes every other writer wait for
 * its expiry. A release that still fails must not turn a stored edit into an error; the lock
 * then expires within its ttl and the next writer removes it.
 */
export async function releaseLease(lock: LockStore, sleep: (ms: number) => Promise<void> = pause): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await lock.remove();
    } catch (error) {
      if (attempt >= 3 || !transient(error)) return console.warn(`without: could not release a lease; it expires by itself (${String(error)})`);
      await sleep(250 * 2 ** attempt);
    }
  }
}
