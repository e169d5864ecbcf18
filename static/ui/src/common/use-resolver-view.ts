import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorBody, Envelope } from '../../../../src/domain/common/envelope';
import type { AnswerOf, PayloadOf, ResolverKey } from '../../../../src/domain/resolver-contract';
import { callResolver } from '../api/invoke-resolver';

export type ViewState<T> =
  { status: 'loading' } | { status: 'error'; error: AppErrorBody } | { status: 'ready'; view: T };

export interface ResolverView<T> {
  state: ViewState<T>;
  /**
   * Reads the view again. A view already shown stays on screen until the new one arrives, and
   * stays if the read fails (the caller gets the envelope to say so where it was asked for).
   */
  load(): Promise<Envelope<T>>;
  /** Shows a view an action answered with; reads started before it can no longer replace it. */
  show(view: T): void;
  /** Changes the view on screen in place (nothing happens before it is loaded). */
  update(change: (view: T) => T): void;
  /**
   * For a change whose answer is the new view: call before sending it; the function it returns
   * says whether the answer is still the newest thing to show when it arrives.
   */
  claim(): () => boolean;
}

/**
 * The state of a view read from one resolver: loading, the error that stopped the first read,
 * or the view. Only the newest read or change may set it, so a slow answer never overwrites a
 * newer one, and nothing is set once the component is gone.
 */
export function useResolverView<K extends ResolverKey>(key: K, payload: PayloadOf<K>): ResolverView<AnswerOf<K>> {
  type T = AnswerOf<K>;
  const [state, setState] = useState<ViewState<T>>({ status: 'loading' });
  const latest = useRef(0);
  const mounted = useRef(true);
  // The payload is compared by value, so a caller may build it afresh on each render.
  const payloadJson = JSON.stringify(payload);

  const claim = useCallback(() => {
    const attempt = ++latest.current;
    return () => mounted.current && attempt === latest.current;
  }, []);

  const load = useCallback(async (): Promise<Envelope<T>> => {
    const isNewest = claim();
    setState((current) => (current.status === 'ready' ? current : { status: 'loading' }));
    const envelope = await callResolver(key, JSON.parse(payloadJson) as PayloadOf<K>);
    if (isNewest()) {
      setState((current) => {
        if (envelope.ok) return { status: 'ready', view: envelope.data };
        return current.status === 'ready' ? current : { status: 'error', error: envelope.error };
      });
    }
    return envelope;
  }, [key, payloadJson, claim]);

  useEffect(() => {
    mounted.current = true;
    void load();
    return () => {
      mounted.current = false;
    };
  }, [load]);

  const show = useCallback(
    (view: T) => {
      if (claim()()) setState({ status: 'ready', view });
    },
    [claim],
  );

  const update = useCallback((change: (view: T) => T) => {
    if (!mounted.current) return;
    setState((current) => (current.status === 'ready' ? { status: 'ready', view: change(current.view) } : current));
  }, []);

  return { state, load, show, update, claim };
}
