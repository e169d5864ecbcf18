import { useEffect, useRef } from 'react';

export const LIVE_REFRESH_MS = 15_000;

/**
 * Calls `refresh` every `intervalMs` while the document is visible, when the window gets
 * focus, and when the document becomes visible again; never while `paused()` answers true.
 * Jira does not tell an issue panel that another issue changed, so this is how a task moved
 * to Done elsewhere shows up here. With `onReturn`, the focus and the return to a visible
 * document call it instead: a view whose tick only asks whether anything changed reads in
 * full when the person comes back to it.
 */
export function useLiveRefresh(
  refresh: () => void,
  paused: () => boolean,
  intervalMs: number = LIVE_REFRESH_MS,
  onReturn?: () => void,
): void {
  // Refs keep the timer and listeners in place when the callers' functions change.
  const refreshRef = useRef(refresh);
  const pausedRef = useRef(paused);
  const onReturnRef = useRef(onReturn);
  useEffect(() => {
    refreshRef.current = refresh;
    pausedRef.current = paused;
    onReturnRef.current = onReturn;
  });

  useEffect(() => {
    const unlessPaused = (run: () => void) => {
      if (document.visibilityState === 'hidden' || pausedRef.current()) return;
      run();
    };
    const maybeRefresh = () => unlessPaused(() => refreshRef.current());
    const onFocus = () => unlessPaused(() => (onReturnRef.current ?? refreshRef.current)());
    const onVisibility = () => {
      if (document.visibilityState === 'visible') onFocus();
    };
    const timer = window.setInterval(maybeRefresh, intervalMs);
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs]);
}
