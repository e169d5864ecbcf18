import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorBody, Envelope } from '../../../../src/domain/common/envelope';

// How every save, create and dialog change behaves when Jira is slow or fails: after a few
// seconds the person is told Jira is slow and the app is still trying; a failure can be sent
// again as it was (Retry); and before a failure is reported, the app looks whether the change
// is stored after all (Jira can answer 429 or time out after it stored the change, and the
// retry of a stored change then finds its own earlier attempt as someone else's).

/** After this long, a pending change says Jira is slow and the app is still trying. */
export const SLOW_AFTER_MS = 3000;

export const SLOW_MESSAGE = 'Jira is slow to answer. Still trying…';

/** One change, as it was asked for: what sends it, and how to tell whether it is stored. */
export interface ChangeAttempt<T> {
  send: () => Promise<Envelope<T>>;
  /**
   * Reads what is stored now: the answer to report as a success when the change is there
   * (`undefined` when it is not, or cannot be read).
   */
  landed?: () => Promise<Envelope<T> | undefined>;
}

/**
 * Whether a failed attempt may still have been stored: Jira was busy, unavailable, or the app
 * did not answer in time; or a retry was refused as a conflict, which its own first attempt
 * causes when that attempt landed. Refusals (permissions, bad input, a first-try conflict) did not.
 */
export function mayHaveLanded(error: AppErrorBody, retrying: boolean): boolean {
  if (error.code === 'CONFLICT') return retrying;
  return error.code === 'RATE_LIMITED' || error.code === 'JIRA_UNAVAILABLE' || error.code === 'INTERNAL';
}

/** Sends the change; on a failure that may hide a stored change, reads back and reports success when it is there. */
export async function sendChange<T>(attempt: ChangeAttempt<T>, retrying: boolean): Promise<Envelope<T>> {
  const envelope = await attempt.send();
  if (envelope.ok || !attempt.landed || !mayHaveLanded(envelope.error, retrying)) return envelope;
  let stored: Envelope<T> | undefined;
  try {
    stored = await attempt.landed();
  } catch {
    stored = undefined;
  }
  return stored?.ok ? stored : envelope;
}

/** True once `pending` has been true for `SLOW_AFTER_MS` without a break. */
export function useSlow(pending: boolean): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (!pending) return undefined;
    const timer = setTimeout(() => setSlow(true), SLOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [pending]);
  return pending && slow;
}

/** A failed change and the way to send it again. */
export interface ChangeFailure {
  error: AppErrorBody;
  retry: () => void;
}

export interface PatientChange<T> {
  pending: boolean;
  failure: ChangeFailure | undefined;
  /** Sends a change (one at a time); its failure stays, with Retry, until the next one starts. */
  run(attempt: ChangeAttempt<T>): Promise<Envelope<T>>;
  /** Forgets the last failure (the form it belonged to closed). */
  dismiss(): void;
}

const BUSY: AppErrorBody = { code: 'CONFLICT', message: 'Another change is being saved. Try again in a moment.' };

/**
 * One change at a time, with its pending state and its failure's Retry, which sends the very
 * same change again (and, if that is refused as a conflict, looks whether the first one landed).
 */
export function usePatientChange<T>(onDone?: (envelope: Envelope<T>) => void): PatientChange<T> {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ChangeFailure>();
  // A ref, not state: two quick clicks cannot both start a change.
  const running = useRef(false);
  const mounted = useRef(true);
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const attemptOnce = useCallback(async (attempt: ChangeAttempt<T>, retrying: boolean): Promise<Envelope<T>> => {
    if (running.current) return { ok: false, error: BUSY };
    running.current = true;
    setPending(true);
    setFailure(undefined);
    let envelope: Envelope<T>;
    try {
      envelope = await sendChange(attempt, retrying);
    } finally {
      running.current = false;
      if (mounted.current) setPending(false);
    }
    if (mounted.current) {
      if (!envelope.ok) {
        setFailure({ error: envelope.error, retry: () => void attemptOnce(attempt, true) });
      }
      done.current?.(envelope);
    }
    return envelope;
  }, []);

  const run = useCallback((attempt: ChangeAttempt<T>) => attemptOnce(attempt, false), [attemptOnce]);
  const dismiss = useCallback(() => setFailure(undefined), []);

  return { pending, failure, run, dismiss };
}
