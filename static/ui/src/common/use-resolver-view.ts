import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorBody, Envelope } from '../../../../src/domain/common/envelope';
import type { AnswerOf, PayloadOf, ResolverKey } from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';

export type ViewState<T> =
  { status: 'loading' } | { status: 'error'; error: AppErrorBody } | { status: 'ready'; view: T };

export interface ResolverView<T> {
  state: ViewState<T>;
  /**
   * The view on screen right now, or undefined before the first. Read from a ref, not from a
   * render: a change started just after another one starts from that one's answer.
   */
  current(): T | undefined;
  /**
   * Reads the view again (the first read, a retry, a reload, a background refresh). A view
   * already shown stays on screen until the new one arrives, and stays if the read fails (the
   * caller gets the envelope to say so where it was asked for).
   */
  load(): Promise<Envelope<T>>;
  /** Sends a change whose answer is the new view: a save's answer replaces the view if it is the newest. */
  apply(send: () => Promise<Envelope<T>>): Promise<Envelope<T>>;
  /**
   * Sends a change whose answer is one item of the view (a mitigation of a story): `into` puts
   * it into the view on screen, under the same rule as `apply`.
   */
  applyInto<A>(send: () => Promise<Envelope<A>>, into: (view: T, answer: A) => T): Promise<Envelope<A>>;
  /** Whether a read or a change is under way: a background refresh waits for it. */
  isBusy(): boolean;
  /** Shows a view an action answered with; reads started before it can no longer replace it. */
  show(view: T): void;
  /** Changes the view on screen in place (nothing happens before it is loaded). */
  update(change: (view: T) => T): void;
  /**
   * For a change sent without `apply`: call before sending it; the function it returns says
   * whether the answer is still the newest thing to show when it arrives. `apply` also knows
   * when the change ends, and so keeps reads started meanwhile off the screen.
   */
  claim(): () => boolean;
}

/**
 * The state of a view read from one resolver: loading, the error that stopped the first read,
 * or the view. Only the newest read or change may set it, so a slow answer never overwrites a
 * newer one, and nothing is set once the component is gone. Every view that reads a resolver
 * sequences its reads and changes here, and nowhere else.
 *
 * Every read and change takes a ticket when it starts. A read's answer is shown only if its
 * ticket is still the newest when it arrives; a read that starts while a change is under way
 * takes none and is never shown, since it may have read the stored value before the change
 * landed. A change's answer is shown unless a read or change started after it has replaced
 * the view since (an answer merged with `applyInto` changes one item and replaces nothing).
 */
export function useResolverView<K extends ResolverKey>(key: K, payload: PayloadOf<K>): ResolverView<AnswerOf<K>> {
  type T = AnswerOf<K>;
  const [state, setState] = useState<ViewState<T>>({ status: 'loading' });
  // Refs, not state: they are read and set between renders, by answers arriving in any order.
  const shown = useRef<T>(undefined);
  const latest = useRef(0);
  const replacedBy = useRef(0);
  const reading = useRef(0);
  const changing = useRef(0);
  const mounted = useRef(true);
  // The payload is compared by value, so a caller may build it afresh on each render.
  const payloadJson = JSON.stringify(payload);

  const setView = useCallback((view: T) => {
    shown.current = view;
    setState({ status: 'ready', view });
  }, []);

  /** Shows what a read or change started with `ticket` answered, in place of the view. */
  const replace = useCallback(
    (view: T, ticket: number) => {
      replacedBy.current = Math.max(replacedBy.current, ticket);
      setView(view);
    },
    [setView],
  );

  const claim = useCallback(() => {
    const ticket = ++latest.current;
    return () => mounted.current && ticket === latest.current;
  }, []);

  const load = useCallback(async (): Promise<Envelope<T>> => {
    // Started while a change is under way, the read may see the value before the change: no ticket, never shown.
    const ticket = changing.current > 0 ? undefined : ++latest.current;
    if (shown.current === undefined) setState({ status: 'loading' });
    reading.current += 1;
    let envelope: Envelope<T>;
    try {
      envelope = await callResolver(key, JSON.parse(payloadJson) as PayloadOf<K>);
    } finally {
      reading.current -= 1;
    }
    if (mounted.current && ticket === latest.current) {
      if (envelope.ok) replace(envelope.data, ticket);
      else if (shown.current === undefined) setState({ status: 'error', error: envelope.error });
    }
    return envelope;
  }, [key, payloadJson, replace]);

  useEffect(() => {
    mounted.current = true;
    void load();
    return () => {
      mounted.current = false;
    };
  }, [load]);

  /** Sends a change; its answer, if still wanted, replaces the view or (`merge`) goes into it. */
  const sendChange = useCallback(
    async <A>(
      send: () => Promise<Envelope<A>>,
      shows: { replace: (answer: A) => T } | { merge: (view: T, answer: A) => T },
    ) => {
      const ticket = ++latest.current;
      changing.current += 1;
      let envelope: Envelope<A>;
      try {
        envelope = await send();
      } finally {
        changing.current -= 1;
      }
      if (envelope.ok && mounted.current && ticket > replacedBy.current) {
        if ('replace' in shows) replace(shows.replace(envelope.data), ticket);
        // A merge changes one item of the view: an older change that replaces the view may still show after it.
        else if (shown.current !== undefined) setView(shows.merge(shown.current, envelope.data));
      }
      return envelope;
    },
    [replace, setView],
  );

  const apply = useCallback(
    (send: () => Promise<Envelope<T>>) => sendChange(send, { replace: (answer: T) => answer }),
    [sendChange],
  );

  const applyInto = useCallback(
    <A>(send: () => Promise<Envelope<A>>, into: (view: T, answer: A) => T) => sendChange(send, { merge: into }),
    [sendChange],
  );

  const show = useCallback(
    (view: T) => {
      if (mounted.current) replace(view, ++latest.current);
    },
    [replace],
  );

  const update = useCallback(
    (change: (view: T) => T) => {
      if (mounted.current && shown.current !== undefined) setView(change(shown.current));
    },
    [setView],
  );

  const current = useCallback(() => shown.current, []);
  const isBusy = useCallback(() => reading.current > 0 || changing.current > 0, []);

  return { state, current, load, apply, applyInto, isBusy, show, update, claim };
}
