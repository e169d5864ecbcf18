import { STORY_LOCK_FLOOR_KEY, lockFloorWrite, type StoryTurn } from './story-save-lock';

// The floor a save stores with its story's write waits for the deletes of old locks it sent a
// round trip earlier. Deletes still being retried do not hold the write: the floor is then worked
// out as if none was made, so it never passes a lock that may still be there.

/** A save at revision 10 that read locks 6 to 11, found 6 and 7, and deletes 6 (long expired). */
const turnDeleting6 = (collected: Promise<Map<number, boolean>>) =>
  ({
    collection: {
      revision: 10,
      floor: undefined,
      read: new Set([6, 7, 8, 9, 10, 11]),
      present: new Set([6, 7]),
      remove: [6],
    },
    collected,
  }) as unknown as StoryTurn;

describe('lockFloorWrite', () => {
  it('stores no floor once the delete of the only lock below the next window is answered', async () => {
    expect(await lockFloorWrite(turnDeleting6(Promise.resolve(new Map([[6, true]]))))).toBeUndefined();
  });

  it('keeps a lock whose delete failed in reach', async () => {
    expect(await lockFloorWrite(turnDeleting6(Promise.resolve(new Map([[6, false]]))))).toEqual({
      key: STORY_LOCK_FLOOR_KEY,
      value: { floor: 6 },
    });
  });

  it('does not wait for a delete that is not answered, and counts that lock as still there', async () => {
    const never = new Promise<Map<number, boolean>>(() => undefined);
    expect(await lockFloorWrite(turnDeleting6(never), 10)).toEqual({ key: STORY_LOCK_FLOOR_KEY, value: { floor: 6 } });
  });

  it('writes "no floor" over a stored one once every lock below the next window is gone', async () => {
    const turn = turnDeleting6(Promise.resolve(new Map([[6, true]])));
    const withFloor = { ...turn, collection: { ...turn.collection, floor: 6 } } as StoryTurn;
    expect(await lockFloorWrite(withFloor)).toEqual({ key: STORY_LOCK_FLOOR_KEY, value: { floor: null } });
  });
});
