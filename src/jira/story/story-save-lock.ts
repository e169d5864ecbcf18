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
// ones read with the story are deleted beside a later save, once COLLECT_AFTER_MS past their expiry.
// Saves made outside the app (Jira's own field editor) take no lock, as before.

/** The single lock key of earlier versions of the app: a save waits while one holds it. */
const EARLIER_LOCK_KEY = 'without.lock';
export const storyLockKey = (revision: number): string => `${EARLIER_LOCK_KEY}.${revision}`;

/** Locks of earlier revisions read with the story, to delete the old ones (a story saved more often is collected later). */
const BACK = 4;
/**
 * The lock keys read with the story: from a few revisions before the one the person started from
 * (`baseRevision`, a hint from the frontend: it only picks which keys are read) to one after it.
 */
export function storyLockWindow(baseRevision: number | undefined): string[] {
  if (baseRevision === undefined || !Number.isInteger(baseRevision) || baseRevision < 0) return [EARLIER_LOCK_KEY];
  const from = Math.max(0, baseRevision - BACK);
  return [EARLIER_LOCK_KEY, ...Array.from({ length: baseRevision + 2 - from }, (_, i) => storyLockKey(from + i))];
}

/** See TAKEOVER_GRACE_MS in threat-model-repository.ts: the same reason, the same bound. */
const TAKEOVER_GRACE_MS = STALE_READ_MS + 15_000;

export interface StoryTurn {
  lease: HeldLease;
  lock: LockStore;
  story: StoryRecord;
  /** Set once the save began writing the story: the lock is then kept. */
  wrote: boolean;
  /** Old locks of this story to delete beside the write. */
  collectable: string[];
}

export interface StoryTurnOptions {
  holder: string;
  fieldId: string;
  /** The story with its lock window, as the call read it first, and when that read was sent. */
  first: Promise<StoryRecord>;
  firstReadAt: number;
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

/** Old locks read with the story, of revisions before `revision`, whose expiry is long past. */
function collectable(story: StoryRecord, revision: number, now: number): string[] {
  return Object.entries(story.extra ?? {}).flatMap(([key, value]) => {
    const n = key.startsWith(`${EARLIER_LOCK_KEY}.`) ? Number(key.slice(EARLIER_LOCK_KEY.length + 1)) : NaN;
    const expiresAt = (value as { expiresAt?: unknown } | undefined)?.expiresAt;
    const old = typeof expiresAt === 'number' && expiresAt + COLLECT_AFTER_MS < now;
    return Number.isInteger(n) && n < revision && old ? [key] : [];
  });
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
  const lease = await tryLease(lock, {
    holder: options.holder,
    now,
    lockRead,
    ...(options.beforeCreate ? { beforeCreate: options.beforeCreate } : {}),
    readStillFresh: () => now() - readAt <= STALE_READ_MS,
    takeoverGraceMs: TAKEOVER_GRACE_MS,
  });
  if (!lease) return undefined;
  const turn = { lease, lock, story, wrote: false, collectable: collectable(story, revision, now()) };
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
  let window = storyLockWindow(options.baseRevision);
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

/** Deletes the old locks this turn found, beside the story's write; a failure only leaves them. */
export function collectOldLocks(user: JiraClient, turn: StoryTurn): Promise<void> {
  return Promise.all(
    turn.collectable.map((key) =>
      deleteProperty(user, issueEntity(turn.story.id), key).catch((error: unknown) =>
        console.warn(`without: could not delete an old story lock; it stays (${String(error)})`),
      ),
    ),
  ).then(() => undefined);
}

/** The turn ends: a lock under which nothing was written is deleted (no save was made from its revision). */
export async function endStoryTurn(turn: StoryTurn): Promise<void> {
  if (!turn.wrote) await releaseLease(turn.lock, turn.lease);
}
