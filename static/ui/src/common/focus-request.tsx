import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

// Controls are disabled while a change is saved, which drops focus; a request names the
// control that should have it back once it can take it, even if it mounts later.
interface FocusRequests {
  target: string | undefined;
  request: (key: string | undefined) => void;
}

const FocusRequestContext = createContext<FocusRequests>({ target: undefined, request: () => undefined });

export function FocusRequestProvider({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<string>();
  const value = useMemo(() => ({ target, request: setTarget }), [target]);
  return <FocusRequestContext.Provider value={value}>{children}</FocusRequestContext.Provider>;
}

export function useRequestFocus(): (key: string) => void {
  return useContext(FocusRequestContext).request;
}

/** A ref for the control known as `key`: it takes focus when requested and `ready`. */
export function useFocusOnRequest<T extends HTMLElement>(key: string, ready = true) {
  const ref = useRef<T>(null);
  const { target, request } = useContext(FocusRequestContext);
  useEffect(() => {
    if (target !== key || !ready || !ref.current) return;
    ref.current.focus();
    request(undefined);
  }, [target, key, ready, request]);
  return ref;
}
