import { CLOCK_SKEW_MS } from '../client/property-lease';
import { LOCK_KEY, type MetaValue } from './threat-model-shards';

// The model's write lock is keyed by the revision it moves the model from: whoever creates
// `without.model.lock.<R>` (Jira answers 201 to the one PUT that created a property) is the only
// writer allowed to turn meta revision R into R + 1. That 201 also proves the model read with
// meta R is still current: a writer writes its shards before the meta, and nobody may write
// shards from R without holding this very lock. So the model is read once, before the lock,
// and not again under it.
//
// Locks are not deleted once their step is made: a deleted lock.R would let a late attempt that
// read meta R (now stale) create it again and write over R + 1. They are collected later, once
// no attempt can still come from a read of R (see collectableLocks). A lock taken for a step that
// wrote nothing is deleted at once: then no step was made, and meta R is still current.

/** The lock of the step from `revision` to the next one. */
export const lockKey = (revision: number): string => `${LOCK_KEY}.${revision}`;

/**
 * Lock keys read with the model's properties (unknown keys cost nothing): from the revision this
 * instance last saw on, so a model that moved a few revisions since still has its lock read in the
 * same request. With no revision seen, none: the lock is then read on its own (a round trip more).
 */
export const LOCK_WINDOW = 4;
export const lockWindow = (lastSeen: number | undefined): string[] =>
  lastSeen === undefined ? [] : Array.from({ length: LOCK_WINDOW }, (_, i) => lockKey(lastSeen + i));

/**
 * An attempt creates its lock only this soon after its read of the model was sent; a later one
 * reads again. With COLLECT_AFTER_MS this bounds when a stale create can reach Jira.
 */
export const STALE_READ_MS = 10_000;

/**
 * A step's lock is deleted only once the meta that followed it is this old (by the writer's
 * clock that recorded it). Any attempt that read the older meta had to send its create within
 * STALE_READ_MS of that read, which came before the newer meta was written: five minutes leave
 * room for clock skew between instances and a request slow to reach Jira.
 */
export const COLLECT_AFTER_MS = 5 * 60_000;
/** Marks are recorded at most this often, and this many kept: together they span well over COLLECT_AFTER_MS. */
const MARK_EVERY_MS = 60_000;
const MARKS_KEPT = 10;
/** Locks one write deletes at most (beside its first shards, in the same round trip); the rest wait for the next write. */
const COLLECT_MAX = 20;

/**
 * What the meta records about the locks: every lock below `floor` is gone, and `marks` are
 * [revision, time] pairs: meta `revision` was written at `time`, so every step below it was
 * made by then.
 */
export type LockBook = NonNullable<MetaValue['locks']>;

/**
 * The locks to delete now (beside the shards of the step to meta `revision + 1`, at most `max`), and the
 * book to write with it (see afterCollection when some could not be deleted).
 * `book` is what the meta read recorded (undefined for a meta written before locks were kept by
 * revision: nothing older is known, so the book starts at the step being made).
 */
export function collectableLocks(
  book: LockBook | undefined,
  revision: number,
  now: number,
  max = COLLECT_MAX,
): CollectionPlan {
  const floor = Math.min(book?.floor ?? revision, revision);
  // The book is input like any stored value: a mark of a revision not yet written, or written
  // later than now by more than clocks disagree, would let locks still needed be deleted.
  const marks = (book?.marks ?? []).filter(([r, at]) => r <= revision && at <= now + CLOCK_SKEW_MS);
  // Every step below a mark old enough was made before that mark was written, long enough ago.
  const safeBelow = Math.max(floor, ...marks.filter(([, at]) => at + COLLECT_AFTER_MS < now).map(([r]) => r));
  const upTo = Math.min(safeBelow, floor + max, revision);
  const remove = Array.from({ length: upTo - floor }, (_, i) => lockKey(floor + i));
  const last = marks[marks.length - 1];
  const next = revision + 1;
  const kept =
    !last || now - last[1] >= MARK_EVERY_MS || now < last[1] ? [...marks, [next, now] as [number, number]] : marks;
  return { remove, book: { floor: upTo, marks: kept.filter(([r]) => r > upTo).slice(-MARKS_KEPT) }, marks: kept };
}

/** What a write deletes and records (collectableLocks); `marks`: every mark believed, for afterCollection. */
export interface CollectionPlan {
  remove: string[];
  book: LockBook;
  marks: LockBook['marks'];
}

/**
 * The book to write once the deletes planned by collectableLocks were made (`deleted[i]`: whether
 * `plan.remove[i]` is gone): the floor stays at the first lock not deleted, with the marks above
 * it, so the next write tries that lock again.
 */
export function afterCollection(plan: CollectionPlan, deleted: boolean[]): LockBook {
  const failed = plan.remove.findIndex((_, i) => deleted[i] !== true);
  if (failed < 0) return plan.book;
  const floor = plan.book.floor - plan.remove.length + failed;
  return { floor, marks: plan.marks.filter(([r]) => r > floor).slice(-MARKS_KEPT) };
}
