import { useEffect, useRef } from 'react';

export const LIVE_REFRESH_MS = 15_000;

/**
 * Calls `refresh` every `intervalMs` while the document is visible, when the window gets
 * focus, and when the document becomes visible again; never while `paused()` answers true.
 * Jira does not tell an issue panel that another issue changed, so this is how a task moved
 * to Done elsewhere shows up here.
 */
export function useLiveRefresh(refresh: () => void, paused: () => boolean, intervalMs: number = LIVE_REFRESH_MS): void {
  // Refs keep the timer and listeners in place when the callers' functions change.
  const refreshRef = useRef(refresh);
  const pausedRef = useRef(paused);
  useEffect(() => {
    refreshRef.current = refresh;
    pausedRef.current = paused;
  });

  useEffect(() => {
    const maybeRefresh = () => {
      if (document.visibilityState === 'hidden' || pausedRef.current()) return;
      refreshRef.current();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') maybeRefresh();
    };
    const timer = window.setInterval(maybeRefresh, intervalMs);
    window.addEventListener('focus', maybeRefresh);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', maybeRefresh);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs]);
}
