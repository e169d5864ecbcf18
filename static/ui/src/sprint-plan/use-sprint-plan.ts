import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorBody, Envelope } from '../../../../src/domain/envelope';
import type { SprintPlanView } from '../../../../src/domain/resolver-contract';
import { callResolver } from '../api/invoke-resolver';

export type SprintPlanState = { status: 'loading' } | { status: 'error'; error: AppErrorBody } | { status: 'ready'; view: SprintPlanView };

export interface SprintPlanData {
  state: SprintPlanState;
  /** Reads the plan again; a plan already shown stays on screen until the new one arrives. */
  reload(): void;
  /** Pulls mitigations into the shown sprint; the answer replaces the plan on screen. */
  addTasks(mitigationIds: string[]): Promise<Envelope<SprintPlanView>>;
  /** Whether an addition is running (a background reload waits for it). */
  isBusy(): boolean;
}

/**
 * The plan of one sprint: `sprintId` on the project page; undefined in the sprint action,
 * where the backend reads the sprint from the module's context.
 */
export function useSprintPlan(sprintId: number | undefined): SprintPlanData {
  const [state, setState] = useState<SprintPlanState>({ status: 'loading' });
  // Only the newest read or change may set the plan, so a slow answer cannot overwrite a newer one.
  const latest = useRef(0);
  const busy = useRef(0);
  const mounted = useRef(true);

  const load = useCallback(async () => {
    const attempt = ++latest.current;
    setState((current) => (current.status === 'ready' ? current : { status: 'loading' }));
    const envelope = await callResolver('sprint/get', sprintId === undefined ? {} : { sprintId });
    if (!mounted.current || attempt !== latest.current) return;
    setState((current) => {
      if (envelope.ok) return { status: 'ready', view: envelope.data };
      // A failed background read keeps the plan on screen.
      return current.status === 'ready' ? current : { status: 'error', error: envelope.error };
    });
  }, [sprintId]);

  useEffect(() => {
    mounted.current = true;
    void load();
    return () => {
      mounted.current = false;
    };
  }, [load]);

  const shownSprintId = state.status === 'ready' ? state.view.sprint.id : undefined;

  const addTasks = useCallback(
    async (mitigationIds: string[]): Promise<Envelope<SprintPlanView>> => {
      if (shownSprintId === undefined) return { ok: false, error: { code: 'BAD_REQUEST', message: 'The sprint is not loaded yet.' } };
      busy.current += 1;
      // A read that started before this change would show the plan without it.
      const attempt = ++latest.current;
      const envelope = await callResolver('sprint/add-tasks', { sprintId: shownSprintId, mitigationIds });
      busy.current -= 1;
      if (!mounted.current) return envelope;
      if (envelope.ok) {
        if (attempt === latest.current) setState({ status: 'ready', view: envelope.data });
      } else {
        // Some of the work may have moved before the failure: show what is true now.
        void load();
      }
      return envelope;
    },
    [shownSprintId, load],
  );

  const reload = useCallback(() => void load(), [load]);
  const isBusy = useCallback(() => busy.current > 0, []);

  return { state, reload, addTasks, isBusy };
}
