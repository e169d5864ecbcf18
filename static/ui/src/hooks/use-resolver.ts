import { useCallback, useEffect, useState } from 'react';
import type { AppErrorBody } from '../../../../src/domain/envelope';
import { callResolver } from '../api/invoke-resolver';

type ResolverState<T> =
  | { loading: true; data: undefined; error: undefined }
  | { loading: false; data: T; error: undefined }
  | { loading: false; data: undefined; error: AppErrorBody };

export type ResolverResult<T> = ResolverState<T> & { reload: () => void };

const LOADING = { loading: true, data: undefined, error: undefined } as const;

export function useResolver<T>(key: string, payload?: Record<string, unknown>): ResolverResult<T> {
  const [state, setState] = useState<ResolverState<T>>(LOADING);
  const [attempt, setAttempt] = useState(0);
  // Callers pass payload literals; comparing by value keeps a re-render from re-invoking.
  const payloadJson = payload === undefined ? undefined : JSON.stringify(payload);

  useEffect(() => {
    let current = true;
    setState(LOADING);
    const body = payloadJson === undefined ? undefined : (JSON.parse(payloadJson) as Record<string, unknown>);
    void callResolver<T>(key, body).then((envelope) => {
      if (!current) return;
      setState(
        envelope.ok
          ? { loading: false, data: envelope.data, error: undefined }
          : { loading: false, data: undefined, error: envelope.error },
      );
    });
    return () => {
      current = false;
    };
  }, [key, payloadJson, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
