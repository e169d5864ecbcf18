import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorBody } from '../../../../src/domain/envelope';
import type { AuditView, PayloadOf } from '../../../../src/domain/resolver-contract';
import { callResolver } from '../api/invoke-resolver';

type AuditAction = 'audit/run' | 'audit/suppress' | 'audit/unsuppress' | 'audit/link-threat';

/** While a run is queued or running, the tab asks for progress this often. */
export const POLL_MS = 2000;

const running = (view: AuditView | undefined) => view?.run.state === 'queued' || view?.run.state === 'running';

/**
 * The audit tab's state: the last view, the action in flight, and polling while a run is under
 * way (the run itself happens in the app's queue consumer, not in this call).
 */
export function useAudit() {
  const [view, setView] = useState<AuditView>();
  const [error, setError] = useState<AppErrorBody>();
  const [busy, setBusy] = useState<string>();
  const [loading, setLoading] = useState(true);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const load = useCallback(async () => {
    const envelope = await callResolver('audit/get', {});
    setLoading(false);
    if (envelope.ok) {
      setView(envelope.data);
      setError(undefined);
    } else setError(envelope.error);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (!running(view)) return;
    timer.current = setTimeout(() => void load(), POLL_MS);
    return () => clearTimeout(timer.current);
  }, [view, load]);

  /** Runs an action; answers its error message (or undefined) so the caller can show it in place. */
  const act = useCallback(async <K extends AuditAction>(key: K, payload: PayloadOf<K>, label: string): Promise<string | undefined> => {
    setBusy(label);
    try {
      const envelope = await callResolver(key, payload);
      if (!envelope.ok) return envelope.error.message;
      setView(envelope.data);
      return undefined;
    } finally {
      setBusy(undefined);
    }
  }, []);

  return { view, error, loading, busy, reload: load, act, running: running(view) };
}
