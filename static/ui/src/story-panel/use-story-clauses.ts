import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppErrorBody } from '../../../../src/domain/envelope';
import type { StoryView } from '../../../../src/domain/resolver-contract';
import type { WithoutClause } from '../../../../src/domain/without-clause';
import { callResolver } from '../api/invoke-resolver';
import { newClauseId } from '../common/new-clause-id';
import {
  addClause,
  changeText,
  insertClause,
  linkThreat,
  moveClause,
  removeClause,
  unlinkDirectThreat,
  unlinkThreat,
  type ClauseEdit,
} from './clause-edits';

export type StoryLoad = { status: 'loading' } | { status: 'failed'; error: AppErrorBody } | { status: 'ready'; view: StoryView };

/** What went wrong with the last save or reload; the view stays as it was. */
export interface SaveFailure {
  during: 'save' | 'reload';
  error: AppErrorBody;
}

export interface DeletedClause {
  clause: WithoutClause;
  index: number;
}

/** Every change saves at once; each answers whether it was saved, so a control can keep what was typed. */
export interface ClauseActions {
  add(text: string): Promise<boolean>;
  changeText(clauseId: string, text: string): Promise<boolean>;
  move(clauseId: string, by: -1 | 1): Promise<boolean>;
  remove(clauseId: string): Promise<boolean>;
  undoRemove(): Promise<boolean>;
  link(clauseId: string, threatId: string): Promise<boolean>;
  unlink(clauseId: string, threatId: string): Promise<boolean>;
  unlinkDirect(threatId: string): Promise<boolean>;
}

export type StoryClauses = ReturnType<typeof useStoryClauses>;

export function useStoryClauses() {
  const [load, setLoad] = useState<StoryLoad>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<SaveFailure>();
  const [deleted, setDeleted] = useState<DeletedClause>();
  // Refs, not state, so two quick clicks cannot both start from the same revision.
  const viewRef = useRef<StoryView>(undefined);
  const busyRef = useRef(false);

  const show = useCallback((view: StoryView) => {
    viewRef.current = view;
    setLoad({ status: 'ready', view });
  }, []);

  useEffect(() => {
    let current = true;
    setLoad({ status: 'loading' });
    void callResolver('story/get', {}).then((envelope) => {
      if (!current) return;
      if (envelope.ok) show(envelope.data);
      else setLoad({ status: 'failed', error: envelope.error });
    });
    return () => {
      current = false;
    };
  }, [attempt, show]);

  const exclusively = useCallback(async (work: () => Promise<boolean>): Promise<boolean> => {
    if (busyRef.current) return false;
    busyRef.current = true;
    setBusy(true);
    try {
      return await work();
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, []);

  const save = useCallback(
    (edit: ClauseEdit) =>
      exclusively(async () => {
        const view = viewRef.current;
        if (!view) return false;
        setFailure(undefined);
        const next = edit({ clauses: view.clauses, directThreatIds: view.directThreatIds });
        const envelope = await callResolver('story/save-clauses', { baseRevision: view.revision, ...next });
        if (!envelope.ok) {
          setFailure({ during: 'save', error: envelope.error });
          return false;
        }
        show(envelope.data);
        return true;
      }),
    [exclusively, show],
  );

  // Unlike the first load, a reload keeps the panel (and any open editor) on screen.
  const reload = useCallback(
    () =>
      exclusively(async () => {
        const envelope = await callResolver('story/get', {});
        if (!envelope.ok) {
          setFailure({ during: 'reload', error: envelope.error });
          return false;
        }
        setFailure(undefined);
        show(envelope.data);
        return true;
      }),
    [exclusively, show],
  );

  const actions = useMemo<ClauseActions>(
    () => ({
      add: (text) => save(addClause({ id: newClauseId(), text, threatIds: [] })),
      changeText: (clauseId, text) => save(changeText(clauseId, text)),
      move: (clauseId, by) => save(moveClause(clauseId, by)),
      remove: async (clauseId) => {
        const index = viewRef.current?.clauses.findIndex((clause) => clause.id === clauseId) ?? -1;
        const clause = viewRef.current?.clauses[index];
        if (!clause) return false;
        const saved = await save(removeClause(clauseId));
        if (saved) setDeleted({ clause, index });
        return saved;
      },
      undoRemove: async () => {
        if (!deleted) return false;
        const saved = await save(insertClause(deleted.clause, deleted.index));
        if (saved) setDeleted(undefined);
        return saved;
      },
      link: (clauseId, threatId) => save(linkThreat(clauseId, threatId)),
      unlink: (clauseId, threatId) => save(unlinkThreat(clauseId, threatId)),
      unlinkDirect: (threatId) => save(unlinkDirectThreat(threatId)),
    }),
    [save, deleted],
  );

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const dismissUndo = useCallback(() => setDeleted(undefined), []);

  return { load, busy, failure, deleted, actions, retry, reload, dismissUndo };
}
