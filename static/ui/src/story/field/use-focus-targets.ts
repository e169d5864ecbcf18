import { useCallback, useEffect, useRef, useState } from 'react';

// Adding or removing a clause re-renders the list; focus is asked for by key and given once the
// field it names is on screen, so it never falls back to the page.
export function useFocusTargets() {
  const elements = useRef(new Map<string, HTMLInputElement>());
  const [target, setTarget] = useState<{ key: string }>();

  useEffect(() => {
    if (!target) return;
    elements.current.get(target.key)?.focus();
  }, [target]);

  const ref = useCallback(
    (key: string) => (element: HTMLInputElement | null) => {
      if (element) elements.current.set(key, element);
      else elements.current.delete(key);
    },
    [],
  );
  // A new object each time, so asking for the same field twice focuses it twice.
  const request = useCallback((key: string) => setTarget({ key }), []);

  return { ref, request };
}
