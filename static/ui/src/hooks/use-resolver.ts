import { useCallback, useEffect, useState } from 'react';
import type { AppErrorBody } from '../../../../src/domain/envelope';
import type { AnswerOf, PayloadOf, ResolverKey } from '../../../../src/domain/resolver-contract';
import { callResolver } from '../api/invoke-resolver';

type ResolverState<T> =
  | { loading: true; data: undefined; error: undefined }
  | { loading: false; data: T; error: undefined }
  | { loading: false; data: undefined; error: AppErrorBody };

export type ResolverResult<T> = ResolverState<T> & { reload: () => void };

const LOADING = { loading: true, data: undefined, error: undefined } as const;

export function useResolver<K extends ResolverKey>(key: K, payload: PayloadOf<K>): ResolverResult<AnswerOf<K>> {
  const [state, setState] = useState<ResolverState<AnswerOf<K>>>(LOADING);
  const [attempt, setAttempt] = useState(0);
  // Callers pass payload literals; comparing by value keeps a re-render from re-invoking.
  const payloadJson = JSON.stringify(payload);

  useEffect(() => {
    let current = true;
    setState(LOADING);
    const body = JSON.parse(payloadJson) as PayloadOf<K>;
    void callResolver(key, body).then((envelope) => {
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
