import { readStoryClauses } from '../../domain/story/story-clauses';
import { afterCollection, collectableLocks, COLLECT_AFTER_MS, lockKey } from './model-locks';
import { MetaValue } from './threat-model-shards';

// The meta's lock book and the revisions stored beside it are project properties an administrator
// (or a script) can write: read as input. A mark that claims a revision not yet written, or a time
// ahead of every clock, must not get locks still needed deleted; a revision that cannot grow must
// not key a lock. And a lock whose delete failed stays in the book, above its floor.

const NOW = 1_800_000_000_000;
const OLD = NOW - COLLECT_AFTER_MS - 1_000;

describe('the lock book read from the meta', () => {
  it('ignores a mark of a revision above the one stored: nothing is deleted for it, and it is not written back', () => {
    const { remove, book } = collectableLocks({ floor: 3, marks: [[500, OLD]] }, 9, NOW);
    expect(remove).toEqual([]);
    expect(book.marks.map(([r]) => r)).toEqual([10]);
  });

  it('ignores a mark dated further ahead than clocks disagree, and records a new one', () => {
    const future = NOW + 60_000;
    const { remove, book } = collectableLocks({ floor: 3, marks: [[6, future]] }, 9, NOW);
    expect(remove).toEqual([]);
    expect(book.marks).toEqual([[10, NOW]]);
  });

  it('still believes a mark a few seconds ahead (another instance’s clock) and below the revision stored', () => {
    const { book } = collectableLocks(
      {
        floor: 3,
        marks: [
          [6, OLD],
          [8, NOW + 2_000],
        ],
      },
      9,
      NOW,
    );
    expect(book).toEqual({
      floor: 6,
      marks: [
        [8, NOW + 2_000],
        [10, NOW],
      ],
    });
  });

  it('deletes nothing when a write may not (max 0), and keeps the floor', () => {
    const { remove, book } = collectableLocks({ floor: 3, marks: [[6, OLD]] }, 9, NOW, 0);
    expect(remove).toEqual([]);
    expect(book.floor).toBe(3);
  });

  it('refuses a meta whose revision or book names a revision past 2^31 (the model is then read only)', () => {
    const meta = { v: 1, nextThreatNumber: 3, settings: {}, revision: 4 };
    expect(MetaValue.safeParse(meta).success).toBe(true);
    expect(MetaValue.safeParse({ ...meta, revision: 2 ** 31 + 1 }).success).toBe(false);
    expect(MetaValue.safeParse({ ...meta, revision: 2 ** 53 }).success).toBe(false);
    // A book that does not parse is dropped, never a reason to refuse the model.
    const parsed = MetaValue.safeParse({ ...meta, locks: { floor: 0, marks: [[2 ** 40, OLD]] } });
    expect(parsed.success && parsed.data.locks).toBeUndefined();
  });
});

describe('a failed delete of an old lock', () => {
  it('keeps the floor at the first lock not deleted, with the mark that makes it due', () => {
    const plan = collectableLocks(
      {
        floor: 3,
        marks: [
          [6, OLD],
          [8, NOW - 1_000],
        ],
      },
      9,
      NOW,
    );
    expect(plan.remove).toEqual([lockKey(3), lockKey(4), lockKey(5)]);
    expect(afterCollection(plan, [true, false, true])).toEqual({
      floor: 4,
      marks: [
        [6, OLD],
        [8, NOW - 1_000],
      ],
    });
    expect(afterCollection(plan, [false, false, false]).floor).toBe(3);
    expect(afterCollection(plan, [true, true, true])).toEqual(plan.book);
  });
});

describe("a story's clauses revision", () => {
  it('past 2^31 makes the value unreadable, and the lock is keyed by 0, not by a revision that cannot grow', () => {
    const value = { clauses: [], directThreatIds: [], threatIds: [], hasClauses: 'no', revision: 2 ** 53 };
    const read = readStoryClauses(value);
    expect(read.problems).toHaveLength(1);
    expect(read.revision).toBe(0);
    expect(readStoryClauses({ ...value, revision: 12 }).revision).toBe(12);
    expect(readStoryClauses({ clauses: 'broken', revision: 7 })).toMatchObject({
      revision: 7,
      problems: [expect.any(String)],
    });
    expect(readStoryClauses({ clauses: 'broken', revision: 7.5 }).revision).toBe(0);
  });
});
