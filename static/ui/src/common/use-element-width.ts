import { useCallback, useEffect, useState } from 'react';

/**
 * The width an element has to lay itself out in, kept up to date: the app's frame is the viewport,
 * so a table measures the box it sits in rather than the screen. Where layout gives no width (no
 * layout engine, e.g. in unit tests) the frame's inner width stands in.
 */
export function useElementWidth<T extends HTMLElement>(): [(element: T | null) => void, number] {
  const [element, setElement] = useState<T | null>(null);
  const [width, setWidth] = useState(() => (typeof window === 'undefined' ? 1024 : window.innerWidth));
  const ref = useCallback((next: T | null) => setElement(next), []);

  useEffect(() => {
    const measure = () => setWidth(element?.clientWidth || window.innerWidth);
    measure();
    window.addEventListener('resize', measure);
    const observer = typeof ResizeObserver === 'undefined' || !element ? undefined : new ResizeObserver(measure);
    if (element) observer?.observe(element);
    return () => {
      window.removeEventListener('resize', measure);
      observer?.disconnect();
    };
  }, [element]);

  return [ref, width];
}
