import { AppError } from '../../domain/common/app-error';
import { readStoryClauses } from '../../domain/story/story-clauses';
import { deleteProperty, issueEntity } from '../client/entity-properties';
import type { JiraClient } from '../client/jira-client';
import {
  DEFAULT_LEASE_WAIT_MS,
  lockIsFree,
  propertyLock,
  releaseLease,
  tryLease,
  type HeldLease,
  type LockStore,
} from '../client/property-lease';
import { COLLECT_AFTER_MS, STALE_READ_MS } from '../threat-model/model-locks';
import { readStory, type StoryRecord } from './story-repository';

// A story's saves through the app take turns by revision, as the model's do (model-locks.ts): the
// right to turn the clauses' revision R into R + 1 is the issue property `without.lock.<R>`, and
// creating it (201) proves the story read before it is still the one stored, so the story is read
// once, with its locks, before the lock, and not again under it. A lock whose save wrote is kept
// (deleting it would let a save that read R late create it again and write over R + 1); the old
// ones read with the story are deleted beside a later save's lock, once COLLECT_AFTER_MS past their
// expiry, and those that left the keys read before that are kept in reach by a floor
// (STORY_LOCK_FLOOR_KEY).
// Saves made outside the app (Jira's own field editor) take no lock, as before.

/** The single lock key of earlier versions of the app: a save waits while one holds it. */
const EARLIER_LOCK_KEY = 'without.lock';
export const storyLockKey = (revision: number): string => `${EARLIER_LOCK_KEY}.${revision}`;

/** Locks of earlier revisions read with the story, to delete the old ones (older ones: see STORY_LOCK_FLOOR_KEY). */
const BACK = 4;
/**
 * Where a story keeps the lowest of its locks that may remain below the keys a save reads
 * (`{ floor: n }`): a story saved more than BACK times within COLLECT_AFTER_MS has locks that
 * leave the window before they may be deleted, and the floor keeps them in reach. Read with the
 * story (in the window: a key that does not exist costs nothing), written only when it changes, in
 * the story's own write (lockFloorWrite).
 */
export const STORY_LOCK_FLOOR_KEY = `${EARLIER_LOCK_KEY}.floor`;
/**
 * How long a save's write waits for its deletes of old locks (sent a round trip earlier, beside
 * its lock's create) before it writes without moving the floor.
 */
const FLOOR_WAIT_MS = 2_000;
/** Locks below the window one save deletes at most; the rest wait for the next save. */
const BELOW_WINDOW_MAX = 20;
/**
 * The lock keys read with the story: from a few revisions before the one the person started from
 * (`baseRevision`, a hint from the frontend: it only picks which keys are read) to one after it.
 */
export function storyLockWindow(baseRevision: number | undefined): string[] {
  if (baseRevision === undefined || !Number.isInteger(baseRevision) || baseRevision < 0)
    return [EARLIER_LOCK_KEY, STORY_LOCK_FLOOR_KEY];
  const from = Math.max(0, baseRevision - BACK);
  return [
    EARLIER_LOCK_KEY,
    STORY_LOCK_FLOOR_KEY,
    ...Array.from({ length: baseRevision + 2 - from }, (_, i) => storyLockKey(from + i)),
  ];
}

/**
 * The lock keys a read through bulkfetch asks for: Jira's bulkfetch returns at most 5 issue
 * properties (BulkFetchIssueRequestBean.properties, "A maximum of 5 issue property keys can be
 * specified"), and `without.task` is one. So: the earlier versions' lock, the floor, and the locks
 * of the revision the person started from and the next. The older locks are not read: a save on
 * this read deletes none of them (a later save does), and floorAfter counts them as locks that may
 * remain, so none leaves every later save's reach.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-bulkfetch-post
 */
export function storyLockKeysForBulkRead(baseRevision: number): string[] {
  return [EARLIER_LOCK_KEY, STORY_LOCK_FLOOR_KEY, storyLockKey(baseRevision), storyLockKey(baseRevision + 1)];
}

/** See TAKEOVER_GRACE_MS in threat-model-repository.ts: the same reason, the same bound. */
const TAKEOVER_GRACE_MS = STALE_READ_MS + 15_000;

export interface StoryTurn {
  lease: HeldLease;
  lock: LockStore;
  story: StoryRecord;
  /** Set once the save began writing the story: the lock is then kept. */
  wrote: boolean;
  /** Old locks of this story this save deletes (sent beside its lock's create), and what it knew of them. */
  collection: StoryCollection;
  /** Whether each lock of `collection.remove` is gone, once the deletes are answered. */
  collected: Promise<Map<number, boolean>>;
}

export interface StoryTurnOptions {
  holder: string;
  fieldId: string;
  /** The story with its lock window, as the call read it first, and when that read was sent. */
  first: Promise<StoryRecord>;
  firstReadAt: number;
  /** The lock keys `first` asked for, when not storyLockWindow(baseRevision) (storyLockKeysForBulkRead). */
  firstKeys?: string[];
  baseRevision?: number;
  /** The check of the person, before the lock is created (see LeaseOptions.beforeCreate). */
  beforeCreate?: () => Promise<void>;
  maxWaitMs?: number;
  now?: () => number;
  /**
   * Told whether the first attempt (on the read the call made first) took the turn: a caller that
   * tried another lock beside it (knowledge-base/accept, the model's) gives that one back when not,
   * so it never holds a lock while it waits for this one.
   */
  onFirstAttempt?: (taken: boolean) => void;
}

const revisionOf = (story: StoryRecord) => readStoryClauses(story.clausesValue).revision;

/** The revision of a story lock's key (`without.lock.<n>`), else undefined. */
function lockRevision(key: string): number | undefined {
  const n = key.startsWith(`${EARLIER_LOCK_KEY}.`) ? Number(key.slice(EARLIER_LOCK_KEY.length + 1)) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** What a save knows of the story's old locks, and which it deletes. */
export interface StoryCollection {
  revision: number;
  /** The stored floor, when it is believable (below `revision`). */
  floor: number | undefined;
  /** The lock revisions the read asked for, and those it found. */
  read: Set<number>;
  present: Set<number>;
  remove: number[];
}

const longExpired = (value: unknown, now: number): boolean => {
  const expiresAt = (value as { expiresAt?: unknown } | undefined)?.expiresAt;
  return typeof expiresAt === 'number' && expiresAt + COLLECT_AFTER_MS < now;
};

/**
 * The old locks to delete: those read with the story, of revisions before `revision`, whose expiry
 * is long past; and, when the oldest of the locks found is long expired, up to BELOW_WINDOW_MAX
 * from the stored floor up to it (the step of each was made before that lock was created, so it
 * is long past too), without reading them (a delete of a lock already gone answers 404).
 */
function collectable(story: StoryRecord, revision: number, keysRead: string[], now: number): StoryCollection {
  const read = new Set(keysRead.flatMap((k) => lockRevision(k) ?? []));
  const found = Object.entries(story.extra ?? {}).flatMap(([key, value]) => {
    const n = lockRevision(key);
    return n === undefined ? [] : [{ n, value }];
  });
  const present = new Set(found.map((f) => f.n));
  const raw = (story.extra?.[STORY_LOCK_FLOOR_KEY] as { floor?: unknown } | undefined)?.floor;
  // Input like any issue property: only a whole number below the revision is believed.
  const floor = typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw < revision ? raw : undefined;
  const inWindow = found.filter((f) => f.n < revision && longExpired(f.value, now)).map((f) => f.n);
  const earlier = found.filter((f) => f.n < revision).sort((a, b) => a.n - b.n)[0];
  const below =
    floor !== undefined && earlier && floor < earlier.n && longExpired(earlier.value, now)
      ? Array.from({ length: Math.min(earlier.n, floor + BELOW_WINDOW_MAX) - floor }, (_, i) => floor + i).filter(
          (n) => !read.has(n),
        )
      : [];
  return { revision, floor, read, present, remove: [...below, ...inWindow] };
}

/**
 * The floor to store once the deletes are answered: the lowest lock that may remain below the keys
 * the next save reads (from revision + 1 - BACK); undefined when none may. Below the stored floor
 * none remains; with no floor stored, none below revision - BACK (or the lowest key read), as the
 * save before left it (locks of saves before floors were kept are left, as they were).
 */
export function floorAfter(c: StoryCollection, deleted: Map<number, boolean>): number | undefined {
  // With no floor, locks may remain from revision - BACK up (what the last save's floor left in
  // reach); keys of those the read did not ask for count as remaining.
  const start = c.floor ?? Math.min(Math.max(0, c.revision - BACK), ...c.read);
  for (let n = start; n < c.revision + 1 - BACK; n++) {
    if (deleted.get(n) === true || (c.read.has(n) && !c.present.has(n))) continue;
    return n;
  }
  return undefined;
}

/** One attempt: the turn when this save created the lock of the story's revision, else undefined. */
async function tryStoryTurn(
  user: JiraClient,
  issueIdOrKey: string,
  story: StoryRecord,
  readAt: number,
  keysRead: string[],
  options: StoryTurnOptions,
  now: () => number,
): Promise<StoryTurn | undefined> {
  if (!lockIsFree(story.extra?.[EARLIER_LOCK_KEY], now())) return undefined;
  const revision = revisionOf(story);
  const key = storyLockKey(revision);
  const lock = propertyLock(user, issueEntity(story.id), key);
  const lockRead =
    key in (story.extra ?? {})
      ? Promise.resolve(story.extra![key])
      : keysRead.includes(key)
        ? Promise.resolve(undefined)
        : lock.read();
  const collection = collectable(story, revision, keysRead, now());
  let collected: Promise<Map<number, boolean>> | undefined;
  const lease = await tryLease(lock, {
    holder: options.holder,
    now,
    lockRead,
    // The old locks are deleted beside the create, once the person passed: by the story's write
    // their outcome is known, so the floor stored beside it never passes a lock still there.
    beforeCreate: async () => {
      await options.beforeCreate?.();
      collected ??= deleteOldLocks(user, story.id, collection.remove);
    },
    readStillFresh: () => now() - readAt <= STALE_READ_MS,
    takeoverGraceMs: TAKEOVER_GRACE_MS,
  });
  if (!lease) return undefined;
  const turn: StoryTurn = {
    lease,
    lock,
    story,
    wrote: false,
    collection,
    collected: collected ?? Promise.resolve(new Map()),
  };
  if (!lease.tookOver) return turn;
  // A save that gave out may have written after all: read the story again, under the lock.
  const again = await readStory(user, issueIdOrKey, options.fieldId);
  return revisionOf(again) === revision ? { ...turn, story: again } : undefined;
}

/** Attempts until this save holds the story's turn, waiting between them. */
export async function takeStoryTurn(
  user: JiraClient,
  issueIdOrKey: string,
  options: StoryTurnOptions,
): Promise<StoryTurn> {
  const now = options.now ?? Date.now;
  const deadline = now() + (options.maxWaitMs ?? DEFAULT_LEASE_WAIT_MS);
  let checked: Promise<void> | undefined;
  const gate = options.beforeCreate;
  const once = { ...options, ...(gate ? { beforeCreate: () => (checked ??= gate()) } : {}) };
  once.beforeCreate?.().catch(() => undefined); // starts with the read; awaited before the create
  let window = options.firstKeys ?? storyLockWindow(options.baseRevision);
  for (let attempt = 0; ; attempt++) {
    const readAt = attempt === 0 ? options.firstReadAt : now();
    const story = await (attempt === 0 ? options.first : readStory(user, issueIdOrKey, options.fieldId, window));
    const turn = await tryStoryTurn(user, issueIdOrKey, story, readAt, window, once, now);
    if (attempt === 0) options.onFirstAttempt?.(turn !== undefined);
    if (turn) return turn;
    if (now() >= deadline)
      throw new AppError('CONFLICT', 'Someone else is saving at the same moment. Wait a second and try again.');
    window = storyLockWindow(revisionOf(story));
    await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 800) + Math.random() * 50));
  }
}

/** Deletes old story locks: whether each is gone (a failure only leaves it, for a later save). */
async function deleteOldLocks(user: JiraClient, storyId: string, revisions: number[]): Promise<Map<number, boolean>> {
  const gone = await Promise.all(
    revisions.map((n) =>
      deleteProperty(user, issueEntity(storyId), storyLockKey(n)).then(
        () => true,
        (error: unknown) => {
          console.warn(`without: could not delete an old story lock; it stays (${String(error)})`);
          return false;
        },
      ),
    ),
  );
  return new Map(revisions.map((n, i) => [n, gone[i]!]));
}

/**
 * The floor to store with the story's write (set by the same Edit issue request, see
 * writeStoryClauses), once this turn's deletes are answered: undefined when it did not change.
 * An edit's body can set a property but not delete one, so "no lock may remain below the window"
 * is stored as `{ floor: null }`, which collectable() reads as no floor, as it reads any value
 * that is not a whole number. A write that fails leaves the stored floor as it was: lower, never
 * past a lock still there (a deleted lock is only ever above it). The app does not rely on Jira
 * applying the property and the field together: either one alone leaves the floor at or below
 * every lock that remains.
 */
export async function lockFloorWrite(
  turn: StoryTurn,
  waitMs = FLOOR_WAIT_MS,
): Promise<{ key: string; value: unknown } | undefined> {
  let timer: ReturnType<typeof globalThis.setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = globalThis.setTimeout(() => resolve(undefined), waitMs);
  });
  const answered = await Promise.race([turn.collected, late]).finally(() => globalThis.clearTimeout(timer));
  // Deletes still being retried (Jira answering 429) do not hold the story's write: the floor is
  // then worked out as if none was made (lower, never past a lock still there).
  const floor = floorAfter(turn.collection, answered ?? new Map<number, boolean>());
  if (floor === turn.collection.floor) return undefined;
  return { key: STORY_LOCK_FLOOR_KEY, value: { floor: floor ?? null } };
}

/** The turn ends: a lock under which nothing was written is deleted (no save was made from its revision). */
export async function endStoryTurn(turn: StoryTurn): Promise<void> {
  if (!turn.wrote) await releaseLease(turn.lock, turn.lease);
}
