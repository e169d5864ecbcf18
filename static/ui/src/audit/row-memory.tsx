import { createContext, useCallback, useContext, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';

// A finding's fix moves when the frame crosses the compact width (from a column of its own to
// under the finding), and React mounts it anew there: what the person had picked or typed in it
// would be lost. The row keeps it instead, for the fix to pick up where it moved.

const RowMemory = createContext<Map<string, unknown> | undefined>(undefined);

/** The row's memory: made once by the row, which stays mounted when its fix moves. */
export const useRowMemory = (): Map<string, unknown> => useRef(new Map<string, unknown>()).current;

/** Gives the fixes inside it the row's memory. */
export function RowMemoryProvider({ memory, children }: { memory: Map<string, unknown>; children: ReactNode }) {
  return <RowMemory.Provider value={memory}>{children}</RowMemory.Provider>;
}

/** Like useState, but the value outlives the fix being mounted again in another place of its row. */
export function useRowState<T>(key: string, initial: T): [T, (next: T) => void] {
  const memory = useContext(RowMemory);
  const [value, setValue] = useState<T>(() => (memory?.has(key) ? (memory.get(key) as T) : initial));
  const set = useCallback(
    (next: T) => {
      memory?.set(key, next);
      setValue(next);
    },
    [memory, key],
  );
  return [value, set];
}

/** Remembers a value kept elsewhere (a field's text) in the row, so the fix starts from it when mounted again. */
export function useRowRemembered<T>(key: string, initial: T): { initial: T; remember: (value: T) => void } {
  const memory = useContext(RowMemory);
  const first = useRef(memory?.has(key) ? (memory.get(key) as T) : initial).current;
  const remember = useCallback((value: T) => memory?.set(key, value), [memory, key]);
  return { initial: first, remember };
}

// Who shows each row's memory (useRowValue): told of every change, so a fix mounted anew sees what
// the instance before it still wrote (a read or a save that answers after the fix moved).
const watchers = new WeakMap<Map<string, unknown>, Set<() => void>>();
const watchersOf = (memory: Map<string, unknown>): Set<() => void> => {
  const known = watchers.get(memory);
  if (known) return known;
  const fresh = new Set<() => void>();
  watchers.set(memory, fresh);
  return fresh;
};

/**
 * Like useRowState, for a fix whose work goes on across awaits (a dialog that reads, saves, and
 * closes): every instance of the fix in the row shows each change, whichever instance made it,
 * `set` takes an update of the value as it is now, and `read` answers it at once (a save and a
 * close in one go, before the next render). Without a row, the fix's own memory stands in.
 */
export function useRowValue<T>(key: string, initial: T): [T, (next: T | ((current: T) => T)) => void, () => T] {
  const own = useRef(new Map<string, unknown>()).current;
  const memory = useContext(RowMemory) ?? own;
  const first = useRef(initial).current;
  const read = useCallback((): T => (memory.has(key) ? (memory.get(key) as T) : first), [memory, key, first]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const set = watchersOf(memory);
      set.add(onChange);
      return () => void set.delete(onChange);
    },
    [memory],
  );
  const value = useSyncExternalStore(subscribe, read);
  const set = useCallback(
    (next: T | ((current: T) => T)) => {
      memory.set(key, typeof next === 'function' ? (next as (current: T) => T)(read()) : next);
      for (const onChange of watchersOf(memory)) onChange();
    },
    [memory, key, read],
  );
  return [value, set, read];
}
