import { useCallback, useMemo, useRef, useState } from 'react';
import type { AppErrorBody, Envelope } from '../../../../src/domain/common/envelope';
import type { MitigationDraft } from '../../../../src/domain/mitigation/mitigation';
import type { ClausesEdit, KbAccept, MitigationView, StoryView } from '../../../../src/contract';
import type { WithoutClause } from '../../../../src/domain/story/without-clause';
import { callResolver } from '../api/invoke-resolver';
import { refreshIssueView } from '../common/refresh-issue-view';
import { newClauseId } from '../common/new-clause-id';
import { mayHaveLanded, sendChange } from '../common/patient-change';
import { useResolverView, type ResolverView } from '../common/use-resolver-view';
import { taskCreatedFlag } from '../common/success-flag';
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
import { useStoryChangesTick } from './use-story-changes';

/** What went wrong with the last save or reload; the view stays as it was. */
export interface SaveFailure {
  during: 'save' | 'reload';
  error: AppErrorBody;
  /** When the stored value cannot be read: saves the same edit over it, at the person's request. */
  replace?: () => Promise<boolean>;
  /** When Jira was busy or did not answer: sends the very same change again. */
  retry?: () => Promise<boolean>;
}

/** Where a change was started, so that "Saving…" and "Jira is slow" show next to it: a clause's id, or the add field. */
export type SavingAt = string;
export const AT_ADD_FIELD: SavingAt = 'add-field';
export const AT_STORY: SavingAt = 'story';

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

/**
 * The story panel's story and the changes made from it. Reading, and which answer the panel
 * shows, is `useResolverView`'s: a save's answer replaces the story unless something newer
 * did, and a read never undoes a change. Clause changes save one at a time (`busy`).
 */
export function useStoryClauses() {
  const { state, current, load, apply, applyInto, isBusy } = useResolverView('story/get', {});
  const [busy, setBusy] = useState(false);
  const [savingAt, setSavingAt] = useState<SavingAt>();
  // A retry that saved: the control that started the change closes or clears as if its own save had.
  const [savedOnRetry, setSavedOnRetry] = useState<{ at: SavingAt; count: number }>();
  const [failure, setFailure] = useState<SaveFailure>();
  const [deleted, setDeleted] = useState<DeletedClause>();
  const [stale, setStale] = useState(false);
  // A ref, not state, so two quick clicks cannot both start a change.
  const busyRef = useRef(false);

  const exclusively = useCallback(async (work: () => Promise<boolean>, at: SavingAt = AT_STORY): Promise<boolean> => {
    if (busyRef.current) return false;
    busyRef.current = true;
    setBusy(true);
    setSavingAt(at);
    try {
      return await work();
    } finally {
      busyRef.current = false;
      setBusy(false);
      setSavingAt(undefined);
    }
  }, []);

  /** Reads the story again behind the shown view, which stays on screen; a failure only marks it stale. */
  const read = useCallback(async (): Promise<void> => {
    const envelope = await load();
    setStale(!envelope.ok);
  }, [load]);

  /** A full refresh (the person is back): skipped before the story is shown, and while anything is saved or being read. */
  const refresh = useCallback(() => {
    if (current() === undefined || isBusy()) return;
    void read();
  }, [current, isBusy, read]);

  const confirmed = useCallback(() => setStale(false), []);
  /** The live refresh's tick: a check first, the full read only when something moved. */
  const tick = useStoryChangesTick({ current, isBusy, read, confirmed });

  /**
   * Sends the clauses as edited. When the answer is a failure that may hide a stored change
   * (Jira busy, no answer; or, on a retry, a conflict its own first attempt causes), the story
   * is read again: if it holds what was sent, the change is saved and reported so.
   */
  const send = useCallback(
    (edit: ClausesEdit, at: SavingAt, retrying: boolean): Promise<boolean> =>
      exclusively(async () => {
        setFailure(undefined);
        const envelope = await sendChange(
          {
            send: () => apply(() => callResolver('story/save-clauses', edit)),
            landed: async () => {
              const stored = await load();
              return stored.ok && holds(stored.data, edit) ? stored : undefined;
            },
          },
          retrying,
        );
        if (envelope.ok) {
          setStale(false);
          refreshIssueView();
          if (retrying) setSavedOnRetry((last) => ({ at, count: (last?.count ?? 0) + 1 }));
          return true;
        }
        const { error } = envelope;
        // Like a retry, a replace that saved clears or closes the control that started the change
        // (else the clause it added stays typed in the field, one click from being added twice).
        const replace =
          error.code === 'INVALID_DATA' && !edit.replaceUnreadable
            ? async () => {
                const saved = await send({ ...edit, replaceUnreadable: true }, at, false);
                if (saved) setSavedOnRetry((last) => ({ at, count: (last?.count ?? 0) + 1 }));
                return saved;
              }
            : undefined;
        const retry = mayHaveLanded(error, false) ? () => send(edit, at, true) : undefined;
        setFailure({ during: 'save', error, ...(replace ? { replace } : {}), ...(retry ? { retry } : {}) });
        return false;
      }, at),
    [exclusively, apply, load],
  );

  const save = useCallback(
    (edit: ClauseEdit, at: SavingAt): Promise<boolean> => {
      const view = current();
      if (!view || busyRef.current) return Promise.resolve(false);
      const next = edit({ clauses: view.clauses, directThreatIds: view.directThreatIds });
      return send({ baseRevision: view.revision, ...next }, at, false);
    },
    [current, send],
  );

  // Unlike the first load, a reload keeps the panel (and any open editor) on screen.
  const reload = useCallback(
    () =>
      exclusively(async () => {
        const envelope = await load();
        if (!envelope.ok) {
          setFailure({ during: 'reload', error: envelope.error });
          return false;
        }
        setFailure(undefined);
        return true;
      }),
    [exclusively, load],
  );

  const actions = useMemo<ClauseActions>(
    () => ({
      add: (text) => save(addClause({ id: newClauseId(), text, threatIds: [] }), AT_ADD_FIELD),
      changeText: (clauseId, text) => save(changeText(clauseId, text), clauseId),
      move: (clauseId, by) => save(moveClause(clauseId, by), clauseId),
      remove: async (clauseId) => {
        const clauses = current()?.clauses ?? [];
        const index = clauses.findIndex((clause) => clause.id === clauseId);
        const clause = clauses[index];
        if (!clause) return false;
        const saved = await save(removeClause(clauseId), clauseId);
        if (saved) setDeleted({ clause, index });
        return saved;
      },
      undoRemove: async () => {
        if (!deleted) return false;
        const saved = await save(insertClause(deleted.clause, deleted.index), AT_ADD_FIELD);
        if (saved) setDeleted(undefined);
        return saved;
      },
      link: (clauseId, threatId) => save(linkThreat(clauseId, threatId), clauseId),
      unlink: (clauseId, threatId) => save(unlinkThreat(clauseId, threatId), clauseId),
      unlinkDirect: (threatId) => save(unlinkDirectThreat(threatId), AT_STORY),
    }),
    [save, current, deleted],
  );

  /** Adds a suggested threat (or links the one made from it before): an error message, or undefined when done. */
  const [justLinked, setJustLinked] = useState<ReadonlySet<string>>(new Set());
  const acceptSuggestion = useCallback(
    async (input: Omit<KbAccept, 'baseRevision'>): Promise<string | undefined> => {
      let error: string | undefined;
      const done = await exclusively(async () => {
        const view = current();
        if (!view) return false;
        setFailure(undefined);
        const envelope = await apply(() =>
          callResolver('knowledge-base/accept', { ...input, baseRevision: view.revision, ...shownTaskIds(view) }),
        );
        if (!envelope.ok) {
          error = envelope.error.message;
          return false;
        }
        // The threat just linked opens its mitigations (they were proposed to be reviewed), however
        // many; set in the same task as the answer was shown, so both render together.
        refreshIssueView();
        const before = new Set(linkedIds(view));
        setJustLinked(new Set(linkedIds(envelope.data).filter((id) => !before.has(id))));
        return true;
      });
      return done ? undefined : (error ?? 'Another change is being saved. Try again in a moment.');
    },
    [exclusively, current, apply],
  );

  const retry = useCallback(() => void load(), [load]);
  const dismissUndo = useCallback(() => setDeleted(undefined), []);
  const mitigations = useMitigationChanges(applyInto, read);

  return {
    state,
    busy,
    savingAt,
    savedOnRetry,
    failure,
    deleted,
    actions,
    retry,
    reload,
    dismissUndo,
    refresh,
    tick,
    stale,
    mitigations,
    acceptSuggestion,
    justLinked,
  };
}

/**
 * Adding, changing and creating the task of a mitigation: the answer is shown in place at
 * once, then the story is read again for the risk the change made.
 */
function useMitigationChanges(
  applyInto: ResolverView<StoryView>['applyInto'],
  read: () => Promise<void>,
): MitigationActions {
  const creatingRef = useRef(new Set<string>());
  const [creatingTask, setCreatingTask] = useState<ReadonlySet<string>>(() => new Set());
  const [taskErrors, setTaskErrors] = useState<Record<string, string>>({});

  const change = useCallback(
    async (send: () => Promise<Envelope<MitigationView>>): Promise<Envelope<MitigationView>> => {
      const envelope = await applyInto(send, withMitigation);
      if (envelope.ok) void read();
      return envelope;
    },
    [applyInto, read],
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
        else taskCreatedFlag(envelope.data);
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

/** The story with a mitigation a change answered, in its place (or added). */
function withMitigation(view: StoryView, next: MitigationView): StoryView {
  const before = view.mitigations.find((m) => m.id === next.id);
  const merged = before ? keepLiveTask(before, next) : next;
  const mitigations = before
    ? view.mitigations.map((m) => (m.id === next.id ? merged : m))
    : [...view.mitigations, merged];
  return { ...view, mitigations };
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

/** Whether the stored story holds the clauses and direct threats an edit sent (texts as the backend trims them). */
function holds(view: StoryView, edit: ClausesEdit): boolean {
  const clauses = (list: ClausesEdit['clauses']) =>
    JSON.stringify(list.map(({ id, text, threatIds }) => ({ id, text: text.trim(), threatIds })));
  return (
    clauses(view.clauses) === clauses(edit.clauses) &&
    JSON.stringify(view.directThreatIds) === JSON.stringify(edit.directThreatIds)
  );
}

/** Every threat a story links, through a clause or directly. */
const linkedIds = (view: StoryView): string[] => [...view.clauses.flatMap((c) => c.threatIds), ...view.directThreatIds];

/**
 * The tasks the view shows, sent with an accept: the backend reads them with the story (a hint it
 * checks against the model), so the answer costs no request more. None when there are none.
 */
function shownTaskIds(view: StoryView): { taskIds?: string[] } {
  const ids = [...new Set(view.mitigations.flatMap((m) => (m.task ? [m.task.id] : [])))];
  return ids.length > 0 && ids.length <= 99 ? { taskIds: ids } : {};
}
