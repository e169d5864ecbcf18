import { useCallback, useEffect, useRef, useState } from 'react';
import type { PullInItem, SprintPlanView } from '../../../../src/contract';
import { showSuccessFlag } from '../common/success-flag';
import { addOutcome } from './moved-message';
import type { SprintPlanData } from './use-sprint-plan';

export interface PullIn {
  /** Mitigations being added right now; every action waits while this is not empty. */
  running: ReadonlySet<string>;
  selected: ReadonlySet<string>;
  /** Why the last addition failed, or which items it could not move. */
  error: string | undefined;
  setSelected(mitigationId: string, selected: boolean): void;
  setAllSelected(mitigationIds: string[], selected: boolean): void;
  add(items: PullInItem[]): void;
}

const NOTHING: ReadonlySet<string> = new Set();

/** "Add to sprint", one at a time or several in one request; never two requests at once. */
export function usePullIn(view: SprintPlanView, addTasks: SprintPlanData['addTasks'], onAdded: () => void): PullIn {
  // The ref answers at once (a double click); the state, which disables the controls, after a render.
  const runningRef = useRef(false);
  const [running, setRunning] = useState<ReadonlySet<string>>(NOTHING);
  const [selected, setSelectedIds] = useState<ReadonlySet<string>>(NOTHING);
  const [error, setError] = useState<string>();
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // Work that left the list (moved here, or elsewhere by someone else) is no longer selected.
  const listed = view.pullIn;
  useEffect(() => {
    const ids = new Set(listed.map((item) => item.mitigationId));
    setSelectedIds((current) =>
      [...current].every((id) => ids.has(id)) ? current : new Set([...current].filter((id) => ids.has(id))),
    );
  }, [listed]);

  const setSelected = useCallback((mitigationId: string, on: boolean) => {
    setSelectedIds((current) => {
      const next = new Set(current);
      if (on) next.add(mitigationId);
      else next.delete(mitigationId);
      return next;
    });
  }, []);

  const setAllSelected = useCallback((mitigationIds: string[], on: boolean) => {
    setSelectedIds(on ? new Set(mitigationIds) : NOTHING);
  }, []);

  const add = useCallback(
    async (items: PullInItem[]) => {
      if (runningRef.current || items.length === 0) return;
      runningRef.current = true;
      setRunning(new Set(items.map((item) => item.mitigationId)));
      setError(undefined);

      const envelope = await addTasks(items.map((item) => item.mitigationId));

      runningRef.current = false;
      if (!mounted.current) return;
      setRunning(NOTHING);
      if (!envelope.ok) {
        setError(envelope.error.message);
        return;
      }
      const { flag, notMoved } = addOutcome(items, envelope.data);
      if (flag) {
        showSuccessFlag(flag.title, flag.description);
        onAdded();
      }
      if (notMoved.length > 0) {
        setError(
          `${notMoved.join(', ')} ${notMoved.length === 1 ? 'is' : 'are'} not in ${envelope.data.sprint.name} yet. Try again, or move the task in the backlog.`,
        );
      }
    },
    [addTasks, onAdded],
  );

  return { running, selected, error, setSelected, setAllSelected, add: (items) => void add(items) };
}
