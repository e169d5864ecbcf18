import { useCallback, useEffect, useState } from 'react';
import type { AuditView, FindingsQuery, PayloadOf } from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';
import { useResolverView } from '../common/use-resolver-view';

type AuditAction =
  | 'audit/run'
  | 'audit/suppress'
  | 'audit/unsuppress'
  | 'audit/link-threat'
  | 'audit/remove-link'
  | 'audit/link-story'
  | 'audit/replace-clauses'
  | 'audit/restore-task-property'
  | 'audit/release-task'
  | 'audit/reopen-story'
  | 'audit/remove-model-part';

/** While a run is queued or running, the tab asks for progress this often. */
export const POLL_MS = 2000;

const running = (view: AuditView | undefined) => view?.run.state === 'queued' || view?.run.state === 'running';

/**
 * The audit tab's state: the view, the action in flight, and polling while a run is under
 * way (the run itself happens in the app's queue consumer, not in this call). A poll reads the
 * run's progress only; the result is read once, when the run is over. A poll that fails keeps
 * the view on screen, says why, and is tried again. The view is the page of findings `query`
 * names (the person's filters and page): a new query reads it, and every action answers it.
 */
export function useAudit(query: FindingsQuery = {}) {
  const { state, load, show } = useResolverView('audit/get', query);
  const queryJson = JSON.stringify(query);
  const view = state.status === 'ready' ? state.view : undefined;
  const [busy, setBusy] = useState<string>();
  const [pollFailure, setPollFailure] = useState<string>();
  const [failedPolls, setFailedPolls] = useState(0);

  /**
   * One poll: the run's progress alone (a small status record); the whole view, with its
   * result, only once the run has finished or another result was stored. Answers the failure.
   */
  const poll = useCallback(
    async (shown: AuditView): Promise<string | undefined> => {
      const progress = await callResolver('audit/progress', {});
      if (!progress.ok) return progress.error.message;
      const { run, completedAt } = progress.data;
      if (completedAt === shown.completedAt && (run.state === 'queued' || run.state === 'running')) {
        show({ ...shown, run });
        return undefined;
      }
      const full = await load();
      return full.ok ? undefined : full.error.message;
    },
    [load, show],
  );

  useEffect(() => {
    if (!running(view) || !view) return;
    const timer = setTimeout(() => {
      void poll(view).then((failure) => {
        setPollFailure(failure);
        // A failed poll leaves the view as it was; counting it schedules the next one.
        if (failure !== undefined) setFailedPolls((n) => n + 1);
      });
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [view, failedPolls, poll]);

  /** Runs an action; answers its error message (or undefined) so the caller can show it in place. */
  const act = useCallback(
    async <K extends AuditAction>(key: K, payload: PayloadOf<K>, label: string): Promise<string | undefined> => {
      setBusy(label);
      try {
        // The answer is the view: the page the person is on, not the first.
        const onPage = { ...payload, view: JSON.parse(queryJson) as FindingsQuery } as PayloadOf<K>;
        const envelope = await callResolver(key, onPage);
        if (!envelope.ok) return envelope.error.message;
        show(envelope.data);
        return undefined;
      } finally {
        setBusy(undefined);
      }
    },
    [show, queryJson],
  );

  return {
    state,
    busy,
    reload: load,
    act,
    running: running(view),
    pollFailure: running(view) ? pollFailure : undefined,
  };
}
