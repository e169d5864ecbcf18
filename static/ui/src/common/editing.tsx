import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, type ReactNode } from 'react';

// Parts of a view where a person is typing or choosing (an editor, a picker, a form) say so
// here, so that a background refresh waits instead of changing the view under their hands.
interface EditingRegistry {
  set(id: string, active: boolean): void;
  isEditing(): boolean;
}

const EditingContext = createContext<EditingRegistry>({ set: () => undefined, isEditing: () => false });

export function EditingProvider({ children }: { children: ReactNode }) {
  const active = useRef(new Set<string>());
  const value = useMemo<EditingRegistry>(
    () => ({
      set: (id, on) => {
        if (on) active.current.add(id);
        else active.current.delete(id);
      },
      isEditing: () => active.current.size > 0,
    }),
    [],
  );
  return <EditingContext.Provider value={value}>{children}</EditingContext.Provider>;
}

/** Marks the calling component as editing while `active`. */
export function useEditing(active: boolean): void {
  const id = useId();
  const { set } = useContext(EditingContext);
  useEffect(() => {
    set(id, active);
    return () => set(id, false);
  }, [id, active, set]);
}

/** Whether anything in the provider is being edited right now (read when asked, no re-render). */
export function useIsEditing(): () => boolean {
  const { isEditing } = useContext(EditingContext);
  return useCallback(() => isEditing(), [isEditing]);
}
