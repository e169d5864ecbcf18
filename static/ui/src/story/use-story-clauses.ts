import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppErrorBody, Envelope } from '../../../../src/domain/common/envelope';
import type { MitigationDraft } from '../../../../src/domain/mitigation/mitigation';
import type { KbAccept, MitigationView, StoryView } from '../../../../src/domain/resolver-contract';
import type { WithoutClause } from '../../../../src/domain/story/without-clause';
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

export type StoryLoad =
  { status: 'loading' } | { status: 'failed'; error: AppErrorBody } | { status: 'ready'; view: StoryView };

/** What went wrong with the last save or reload; the view stays as it was. */
export interface SaveFailure {
  during: 'save' | 'reload';
  error: AppErrorBody;
  /** When the stored value cannot be read: saves the same edit over it, at the person's request. */
  replace?: () => Promise<boolean>;
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

/** Mitigation changes answer an error message for the form to show, or undefined when saved. */
export interface MitigationActions {
  add(draft: MitigationDraft): Promise<string | undefined>;
  update(id: string, baseRevision: number, draft: MitigationDraft): Promise<string | undefined>;
  createTask(mitigationId: string): Promise<void>;
  /** Mitigations whose task is being created. */
  creatingTask: ReadonlySet<string>;
  /** Why the last "Create task" of a mitigation failed. */
  taskErrors: Readonly<Record<string, string>>;
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
  // Every change bumps `changes` when it starts and when it ends; a read that saw it move
  // may be older than what is shown, so its answer is dropped. The newest read wins.
  const changesRef = useRef(0);
  const pendingRef = useRef(0);
  const readSeqRef = useRef(0);
  const readingRef = useRef(0);
  const [stale, setStale] = useState(false);

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
    changesRef.current += 1;
    setBusy(true);
    try {
      return await work();
    } finally {
      busyRef.current = false;
      changesRef.current += 1;
      setBusy(false);
    }
  }, []);

  /** Reads the story again behind the shown view, which stays on screen; a failure only marks it stale. */
  const read = useCallback(async (): Promise<void> => {
    const seq = ++readSeqRef.current;
    const changes = changesRef.current;
    readingRef.current += 1;
    try {
      const envelope = await callResolver('story/get', {});
      if (seq !== readSeqRef.current || changes !== changesRef.current || !viewRef.current) return;
      if (!envelope.ok) {
        setStale(true);
        return;
      }
      setStale(false);
      show(envelope.data);
    } finally {
      readingRef.current -= 1;
    }
  }, [show]);

  /** The live refresh: skipped while anything is saved or already being read. */
  const refresh = useCallback(() => {
    if (!viewRef.current || busyRef.current || pendingRef.current > 0 || readingRef.current > 0) return;
    void read();
  }, [read]);

  const save = useCallback(
    (edit: ClauseEdit, replaceUnreadable = false): Promise<boolean> =>
      exclusively(async () => {
        const view = viewRef.current;
        if (!view) return false;
        setFailure(undefined);
        const next = edit({ clauses: view.clauses, directThreatIds: view.directThreatIds });
        const envelope = await callResolver('story/save-clauses', {
          baseRevision: view.revision,
          ...next,
          ...(replaceUnreadable ? { replaceUnreadable } : {}),
        });
        if (!envelope.ok) {
          const replace =
            envelope.error.code === 'INVALID_DATA' && !replaceUnreadable ? () => save(edit, true) : undefined;
          setFailure({ during: 'save', error: envelope.error, ...(replace ? { replace } : {}) });
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

  /** Adds a suggested threat (or links the one made from it before): an error message, or undefined when done. */
  const [justLinked, setJustLinked] = useState<ReadonlySet<string>>(new Set());
  const acceptSuggestion = useCallback(
    async (input: Omit<KbAccept, 'baseRevision'>): Promise<string | undefined> => {
      let error: string | undefined;
      const done = await exclusively(async () => {
        const view = viewRef.current;
        if (!view) return false;
        setFailure(undefined);
        const envelope = await callResolver('knowledge-base/accept', { ...input, baseRevision: view.revision });
        if (!envelope.ok) {
          error = envelope.error.message;
          return false;
        }
        // The threat just linked opens its mitigations (they were proposed to be reviewed), however many.
        const before = new Set(linkedIds(view));
        setJustLinked(new Set(linkedIds(envelope.data).filter((id) => !before.has(id))));
        show(envelope.data);
        return true;
      });
      return done ? undefined : (error ?? 'Another change is being saved. Try again in a moment.');
    },
    [exclusively, show],
  );

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const dismissUndo = useCallback(() => setDeleted(undefined), []);
  const mitigations = useMitigationChanges({ viewRef, changesRef, pendingRef, show, read });

  return {
    load,
    busy,
    failure,
    deleted,
    actions,
    retry,
    reload,
    dismissUndo,
    refresh,
    stale,
    mitigations,
    acceptSuggestion,
    justLinked,
  };
}

interface MitigationPlumbing {
  viewRef: { current: StoryView | undefined };
  changesRef: { current: number };
  pendingRef: { current: number };
  show: (view: StoryView) => void;
  read: () => Promise<void>;
}

/**
 * Adding, changing and creating the task of a mitigation: the answer is shown in place at
 * once, then the story is read again for the risk the change made.
 */
function useMitigationChanges({ viewRef, changesRef, pendingRef, show, read }: MitigationPlumbing): MitigationActions {
  const creatingRef = useRef(new Set<string>());
  const [creatingTask, setCreatingTask] = useState<ReadonlySet<string>>(() => new Set());
  const [taskErrors, setTaskErrors] = useState<Record<string, string>>({});

  const patch = useCallback(
    (next: MitigationView) => {
      const view = viewRef.current;
      if (!view) return;
      const before = view.mitigations.find((m) => m.id === next.id);
      const merged = before ? keepLiveTask(before, next) : next;
      const mitigations = before
        ? view.mitigations.map((m) => (m.id === next.id ? merged : m))
        : [...view.mitigations, merged];
      show({ ...view, mitigations });
    },
    [viewRef, show],
  );

  const change = useCallback(
    async (work: () => Promise<Envelope<MitigationView>>): Promise<Envelope<MitigationView>> => {
      pendingRef.current += 1;
      changesRef.current += 1;
      let envelope: Envelope<MitigationView>;
      try {
        envelope = await work();
        if (envelope.ok) patch(envelope.data);
      } finally {
        pendingRef.current -= 1;
        changesRef.current += 1;
      }
      if (envelope.ok) void read();
      return envelope;
    },
    [changesRef, pendingRef, patch, read],
  );

  const add = useCallback(
    async (draft: MitigationDraft) => {
      const envelope = await change(() => callResolver('mitigation/add', { draft }));
      return envelope.ok ? undefined : envelope.error.message;
    },
    [change],
  );

  const update = useCallback(
    async (id: string, baseRevision: number, draft: MitigationDraft) => {
      const envelope = await change(() => callResolver('mitigation/update', { id, baseRevision, draft }));
      if (envelope.ok) return undefined;
      if (envelope.error.code !== 'CONFLICT') return envelope.error.message;
      // Their version is read now, so that editing again starts from it.
      void read();
      return `Someone else changed ${id} while you were editing. Cancel, then edit it again to start from their version.`;
    },
    [change, read],
  );

  const createTask = useCallback(
    async (mitigationId: string) => {
      // A ref, not state: a double click must not send the request twice.
      if (creatingRef.current.has(mitigationId)) return;
      creatingRef.current.add(mitigationId);
      setCreatingTask(new Set(creatingRef.current));
      setTaskErrors(({ [mitigationId]: _dropped, ...rest }) => rest);
      try {
        const envelope = await change(() => callResolver('mitigation/create-task', { mitigationId }));
        if (!envelope.ok) setTaskErrors((errors) => ({ ...errors, [mitigationId]: envelope.error.message }));
      } finally {
        creatingRef.current.delete(mitigationId);
        setCreatingTask(new Set(creatingRef.current));
      }
    },
    [change],
  );

  return useMemo(
    () => ({ add, update, createTask, creatingTask, taskErrors }),
    [add, update, createTask, creatingTask, taskErrors],
  );
}

/**
 * An edit answers the mitigation without its task's live status; until the story is read
 * again, the task and the status it gives are kept from before.
 */
function keepLiveTask(before: MitigationView, next: MitigationView): MitigationView {
  if (!before.task || !next.task || before.task.id !== next.task.id) return next;
  const status = next.storedStatus === 'rejected' || before.storedStatus === 'rejected' ? next.status : before.status;
  return { ...next, task: before.task, status };
}

/** Every threat a story links, through a clause or directly. */
const linkedIds = (view: StoryView): string[] => [...view.clauses.flatMap((c) => c.threatIds), ...view.directThreatIds];
