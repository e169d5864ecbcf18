import { Text } from '@atlaskit/primitives';
import { useCallback, useMemo, useRef } from 'react';
import type { AuditView } from '../../../../src/contract';
import { useRowState } from './row-memory';

// A fix in place replaces its own controls as it opens and closes: the button that opened it,
// the form, then a line saying what was done. The element that had focus is gone each time, and
// a keyboard user would be sent back to the top of the frame. Focus goes where the person is.

export interface FocusNext<T extends HTMLElement> {
  ref: (element: T | null) => void;
  focusNext: () => void;
}

/** A ref for an element that takes focus the next time it is mounted after `focusNext()`. */
export function useFocusNext<T extends HTMLElement>(): FocusNext<T> {
  const pending = useRef(false);
  const ref = useCallback((element: T | null) => {
    if (!element || !pending.current) return;
    pending.current = false;
    element.focus();
  }, []);
  const focusNext = useCallback(() => {
    pending.current = true;
  }, []);
  return useMemo(() => ({ ref, focusNext }), [ref, focusNext]);
}

interface Done {
  said: string;
  /** The result shown when the fix was made: the row is still there until a newer one drops it. */
  auditedAt: string | null;
}

const running = (view: AuditView) => view.run.state === 'queued' || view.run.state === 'running';

/**
 * What a fix did, said in its row until the audit it started is done. When a newer result still
 * holds the finding, the fix did not resolve it (the row would otherwise say "Linked" forever):
 * the message goes and the fix is offered again. Kept in the row's memory, like the fix's state.
 */
export function useFixDone(view: AuditView): {
  done: string | undefined;
  sayDone: (said: string) => void;
  line: FocusNext<HTMLElement>;
} {
  const [done, setDone] = useRowState<Done | undefined>('done', undefined);
  const line = useFocusNext<HTMLElement>();
  const stale = done !== undefined && !running(view) && view.completedAt !== done.auditedAt;
  const sayDone = useCallback(
    (said: string) => {
      line.focusNext();
      setDone({ said, auditedAt: view.completedAt });
    },
    [line, setDone, view.completedAt],
  );
  return { done: stale ? undefined : done?.said, sayDone, line };
}

/** The line that says what a fix did: focusable, so focus can rest on it once the fix's controls are gone. */
export function DoneLine({ text, focusRef }: { text: string; focusRef: (element: HTMLElement | null) => void }) {
  return (
    <span ref={focusRef} tabIndex={-1} role="status" style={{ outlineOffset: 2 }}>
      <Text size="small">{text}</Text>
    </span>
  );
}
