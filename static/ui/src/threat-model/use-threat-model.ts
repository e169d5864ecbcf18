import { useCallback, useRef, useState } from 'react';
import type { AppErrorBody, Envelope } from '../../../../src/domain/common/envelope';
import type { MitigationDraft } from '../../../../src/domain/mitigation/mitigation';
import {
  THREATS_PAGE,
  type MitigationView,
  type QuestionAnswerEdit,
  type ThreatModelView,
  type ThreatRow,
  type ThreatsAnswer,
} from '../../../../src/contract';
import type { ThreatDraft } from '../../../../src/domain/threat-model/threat';
import type { ThreatView } from '../../../../src/domain/threat-model/threat-view';
import type { AcceptanceDraft } from '../../../../src/domain/threat-model/threat-acceptance';
import { callResolver } from '../api/invoke-resolver';
import { useResolverView, type ViewState } from '../common/use-resolver-view';
import { NO_FULL_THREATS, withAnswer, type FullThreats } from './full-threats';
import { fullWithThreat, indexWithThreat, withMitigation } from './model-updates';

export type ThreatModelState = ViewState<ThreatModelView>;

export interface ThreatModel {
  state: ThreatModelState;
  /** The threats read in full so far (see FullThreats). */
  full: FullThreats;
  /** Reads in full the threats among `ids` not read since the model was (a page of the table, rows opened). */
  readFull(ids: readonly string[]): void;
  /** Why the last read of threats in full failed; cleared by the next that succeeds. */
  fullFailure: AppErrorBody | undefined;
  /** A threat in full, read now unless it was read already: what a dialog starts from. */
  ensureFull(id: string): Promise<Envelope<ThreatRow>>;
  /** Reads one threat in full again, and the model (after a conflict). */
  reloadThreat(id: string): Promise<Envelope<ThreatsAnswer>>;
  /** Loads the model again. A model already shown stays on screen until the new one arrives. */
  reload(): Promise<Envelope<ThreatModelView>>;
  /** Asks whether anything changed since the model shown was read, and reads it again only then. */
  refresh(): Promise<void>;
  createThreat(draft: ThreatDraft): Promise<Envelope<ThreatView>>;
  updateThreat(id: string, baseRevision: number, draft: ThreatDraft): Promise<Envelope<ThreatView>>;
  setThreatState(id: string, baseRevision: number, state: 'active' | 'retired'): Promise<Envelope<ThreatView>>;
  addMitigation(draft: MitigationDraft): Promise<Envelope<MitigationView>>;
  updateMitigation(id: string, baseRevision: number, draft: MitigationDraft): Promise<Envelope<MitigationView>>;
  createTask(mitigationId: string): Promise<Envelope<MitigationView>>;
  answerQuestion(edit: QuestionAnswerEdit): Promise<Envelope<ThreatView>>;
  /** "Take update" (take) or "Keep ours" for a threat whose knowledge base has a newer version. */
  decideKbUpdate(threatId: string, baseRevision: number, take: boolean): Promise<Envelope<ThreatView>>;
  /** Accept a threat's residual risk until a day, with a reason; or end the acceptance. */
  acceptRisk(id: string, baseRevision: number, acceptance: AcceptanceDraft): Promise<Envelope<ThreatView>>;
  revokeAcceptance(id: string, baseRevision: number, reason: string): Promise<Envelope<ThreatView>>;
}

/**
 * Without a count of the project's tasks and stories to compare (`seen.issues` null: the view
 * could not count them), every this many refreshes the model is read whatever
 * `threat-model/changes` says: no search sees what was deleted (a story, a task), so a deletion
 * shows within this many refreshes. With a count, the check sees deletions itself, and a page
 * left open reads the model only when something changed (a full read at 3,000 tasks costs some
 * 3,400 of Jira's points, a check 4).
 */
export const FULL_READ_EVERY = 10;

/**
 * The day in UTC, in the browser: an acceptance ends and the daily risk point comes with a new
 * day, which no check for changes sees, so the first refresh of a day reads the model.
 */
const utcDay = () => new Date().toISOString().slice(0, 10);

/** The project's threat model, kept up to date in place after each successful change. */
export function useThreatModel(): ThreatModel {
  const { state, load, update: apply, current } = useResolverView('threat-model/get', {});
  const untilFullRead = useRef(FULL_READ_EVERY);
  const readOnDay = useRef(utcDay());
  const seen = state.status === 'ready' ? state.view.seen : undefined;
  const [full, setFull] = useState<FullThreats>(NO_FULL_THREATS);
  const [fullFailure, setFullFailure] = useState<AppErrorBody>();
  const fullRef = useRef(full);
  fullRef.current = full;
  // Which threats were asked for in full since the model shown was read: a new read asks again.
  const asked = useRef({ seen, ids: new Set<string>() });
  if (asked.current.seen !== seen) asked.current = { seen, ids: new Set() };

  const readThreats = useCallback(async (ids: string[]): Promise<Envelope<ThreatsAnswer>> => {
    const envelope = await callResolver('threat-model/threats', { ids });
    if (envelope.ok) setFull((old) => withAnswer(old, ids, envelope.data));
    setFullFailure(envelope.ok ? undefined : envelope.error);
    return envelope;
  }, []);

  const readFull = useCallback(
    (ids: readonly string[]) => {
      const generation = asked.current;
      const missing = [...new Set(ids)].filter((id) => !generation.ids.has(id));
      for (const id of missing) generation.ids.add(id); // not asked again while the answer is on its way
      for (let start = 0; start < missing.length; start += THREATS_PAGE) {
        const page = missing.slice(start, start + THREATS_PAGE);
        void readThreats(page).then((envelope) => {
          // Asked again when wanted again (a retry, another page, the next read of the model).
          if (!envelope.ok) for (const id of page) generation.ids.delete(id);
        });
      }
    },
    [readThreats],
  );

  const ensureFull = useCallback(
    async (id: string): Promise<Envelope<ThreatRow>> => {
      const cached = fullRef.current.threats.get(id);
      if (cached) return { ok: true, data: cached };
      const envelope = await readThreats([id]);
      if (!envelope.ok) return envelope;
      const read = envelope.data.threats.find((t) => t.id === id);
      return read
        ? { ok: true, data: read }
        : { ok: false, error: { code: 'NOT_FOUND', message: `${id} is no longer in the threat model.` } };
    },
    [readThreats],
  );

  const reloadThreat = useCallback(
    (id: string) => {
      void load();
      return readThreats([id]);
    },
    [load, readThreats],
  );

  const refresh = useCallback(async () => {
    untilFullRead.current -= 1;
    const due = seen?.issues === null && untilFullRead.current <= 0;
    if (seen && !due && readOnDay.current === utcDay()) {
      const changes = await callResolver('threat-model/changes', seen);
      // A question that fails is answered by the full read, which says what is wrong.
      if (changes.ok && !changes.data.changed) return;
    }
    untilFullRead.current = FULL_READ_EVERY;
    readOnDay.current = utcDay();
    await load();
  }, [seen, load]);

  const afterThreatSave = useCallback(
    (envelope: Envelope<ThreatView>): Envelope<ThreatView> => {
      if (envelope.ok) {
        const view = current();
        if (view) setFull((old) => fullWithThreat(old, envelope.data, view));
        apply((model) => indexWithThreat(model, envelope.data, fullRef.current));
      }
      return envelope;
    },
    [apply, current],
  );

  // A mitigation changes risk, the threat rows and maybe the history: shown in place at once,
  // then read again, so what the backend worked out replaces what the page guessed.
  const afterMitigationSave = useCallback(
    (envelope: Envelope<MitigationView>): Envelope<MitigationView> => {
      if (envelope.ok) {
        const view = current();
        if (view) {
          const next = withMitigation(view, fullRef.current, envelope.data);
          setFull(next.full);
          apply(() => next.view);
        }
        void load();
      }
      return envelope;
    },
    [apply, current, load],
  );

  const createThreat = useCallback(
    async (draft: ThreatDraft) => afterThreatSave(await callResolver('threat-model/create-threat', { draft })),
    [afterThreatSave],
  );

  const updateThreat = useCallback(
    async (id: string, baseRevision: number, draft: ThreatDraft) =>
      afterThreatSave(await callResolver('threat-model/update-threat', { id, baseRevision, draft })),
    [afterThreatSave],
  );

  const setThreatState = useCallback(
    async (id: string, baseRevision: number, next: 'active' | 'retired') =>
      afterThreatSave(await callResolver('threat-model/set-threat-state', { id, baseRevision, state: next })),
    [afterThreatSave],
  );

  const addMitigation = useCallback(
    async (draft: MitigationDraft) => afterMitigationSave(await callResolver('mitigation/add', { draft })),
    [afterMitigationSave],
  );

  const updateMitigation = useCallback(
    async (id: string, baseRevision: number, draft: MitigationDraft) =>
      afterMitigationSave(await callResolver('mitigation/update', { id, baseRevision, draft })),
    [afterMitigationSave],
  );

  const createTask = useCallback(
    async (mitigationId: string) => afterMitigationSave(await callResolver('mitigation/create-task', { mitigationId })),
    [afterMitigationSave],
  );

  const answerQuestion = useCallback(
    async (edit: QuestionAnswerEdit) => afterThreatSave(await callResolver('threat-model/answer-question', edit)),
    [afterThreatSave],
  );

  // Taking an update may add mitigations: the threat is shown at once, then the model is read again.
  const decideKbUpdate = useCallback(
    async (threatId: string, baseRevision: number, take: boolean) => {
      const envelope = afterThreatSave(
        await callResolver('threat-model/take-kb-update', { threatId, baseRevision, take }),
      );
      if (envelope.ok && take) void load();
      return envelope;
    },
    [afterThreatSave, load],
  );

  const acceptRisk = useCallback(
    async (id: string, baseRevision: number, acceptance: AcceptanceDraft) =>
      afterThreatSave(await callResolver('threat-model/accept-risk', { id, baseRevision, acceptance })),
    [afterThreatSave],
  );

  const revokeAcceptance = useCallback(
    async (id: string, baseRevision: number, reason: string) =>
      afterThreatSave(await callResolver('threat-model/revoke-acceptance', { id, baseRevision, reason })),
    [afterThreatSave],
  );

  return {
    state,
    full,
    readFull,
    fullFailure,
    ensureFull,
    reloadThreat,
    reload: load,
    refresh,
    createThreat,
    updateThreat,
    setThreatState,
    addMitigation,
    updateMitigation,
    createTask,
    answerQuestion,
    decideKbUpdate,
    acceptRisk,
    revokeAcceptance,
  };
}
