import { collectableLocks, COLLECT_AFTER_MS, lockKey, lockWindow } from './model-locks';

// Which revision-keyed locks a write may delete: only those whose step was followed by a meta
// written more than COLLECT_AFTER_MS ago, so no attempt that read the older revision can still
// create one of them again (see model-locks.ts).

const NOW = 1_800_000_000_000;

describe('the collection of old model locks', () => {
  it('starts a book at the step being made when the meta has none, and deletes nothing', () => {
    expect(collectableLocks(undefined, 7, NOW)).toMatchObject({ remove: [], book: { floor: 7, marks: [[8, NOW]] } });
  });

  it('keeps every lock whose following meta is younger than the bound', () => {
    const book = { floor: 3, marks: [[6, NOW - COLLECT_AFTER_MS + 1_000] as [number, number]] };
    expect(collectableLocks(book, 9, NOW).remove).toEqual([]);
  });

  it('deletes the locks below a mark older than the bound, and raises the floor to it', () => {
    const book = {
      floor: 3,
      marks: [[6, NOW - COLLECT_AFTER_MS - 1_000] as [number, number], [8, NOW - 1_000] as [number, number]],
    };
    const { remove, book: next } = collectableLocks(book, 9, NOW);
    expect(remove).toEqual([lockKey(3), lockKey(4), lockKey(5)]);
    expect(next).toEqual({ floor: 6, marks: [[8, NOW - 1_000]] });
  });

  it('deletes at most twenty at a time; the next write goes on from there', () => {
    const book = { floor: 0, marks: [[100, NOW - COLLECT_AFTER_MS - 1] as [number, number]] };
    const first = collectableLocks(book, 120, NOW);
    expect(first.remove).toHaveLength(20);
    expect(first.book.floor).toBe(20);
    expect(collectableLocks(first.book, 121, NOW).remove[0]).toBe(lockKey(20));
  });

  it('never deletes the lock of the step being made, nor one above it', () => {
    const book = { floor: 4, marks: [[6, NOW - COLLECT_AFTER_MS - 1] as [number, number]] };
    expect(collectableLocks(book, 6, NOW).remove).toEqual([lockKey(4), lockKey(5)]);
  });

  it('reads the locks of the revisions from the one last seen on, and none when none was seen', () => {
    expect(lockWindow(undefined)).toEqual([]);
    expect(lockWindow(12)).toEqual([lockKey(12), lockKey(13), lockKey(14), lockKey(15)]);
  });
});
