import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

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
