import { useCallback, useRef } from 'react';
import type { StoryView } from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';

/**
 * A mitigation task's panel also lists the stories it protects, from a search no check repeats
 * (a story that starts naming one of its threats moves nothing story/changes reads), so every
 * this many ticks it reads in full whatever the check says: such a story shows within minutes.
 */
export const TASK_FULL_READ_EVERY = 10;

interface StoryReads {
  /** The view on screen, if any. */
  current(): StoryView | undefined;
  /** Whether a read or a change is under way: the tick waits for the next one. */
  isBusy(): boolean;
  /** Reads the story in full behind the view on screen. */
  read(): Promise<void>;
  /** The check found the view on screen current. */
  confirmed(): void;
}

/**
 * The live refresh's tick: asks `story/changes` whether what the view was built from moved (the
 * story's clauses, the model's revision, the tasks it shows: two small requests) and reads the
 * story in full (`story/get`, the issue, the model, the tasks and the permissions) only when it
 * says so, or when it could not say (any failure falls back to the full read, which tells).
 */
export function useStoryChangesTick({ current, isBusy, read, confirmed }: StoryReads): () => void {
  const ticks = useRef(0);
  const checking = useRef(false);

  const tick = useCallback(async () => {
    const view = current();
    if (view === undefined || isBusy() || checking.current) return;
    ticks.current += 1;
    const due = view.task !== null && ticks.current % TASK_FULL_READ_EVERY === 0;
    if (view.seen && !due) {
      checking.current = true;
      try {
        const changes = await callResolver('story/changes', view.seen);
        if (changes.ok && !changes.data.changed) return confirmed();
      } finally {
        checking.current = false;
      }
      // A change under way answers with the story as saved.
      if (isBusy()) return;
    }
    await read();
  }, [current, isBusy, read, confirmed]);

  return useCallback(() => void tick(), [tick]);
}
