import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorBody, Envelope } from '../../../../src/domain/envelope';
import type { ThreatModelView, ThreatRow } from '../../../../src/domain/resolver-contract';
import type { ThreatDraft } from '../../../../src/domain/threat';
import type { ThreatView } from '../../../../src/domain/threat-view';
import { callResolver } from '../api/invoke-resolver';
import { asMitigations, threatRisk } from '../../../../src/domain/threat-risk';

export type ThreatModelState =
  | { status: 'loading' }
  | { status: 'error'; error: AppErrorBody }
  | { status: 'ready'; model: ThreatModelView };

export interface ThreatModel {
  state: ThreatModelState;
  /** Loads the model again. A model already shown stays on screen until the new one arrives. */
  reload(): Promise<Envelope<ThreatModelView>>;
  createThreat(draft: ThreatDraft): Promise<Envelope<ThreatView>>;
  updateThreat(id: string, baseRevision: number, draft: ThreatDraft): Promise<Envelope<ThreatView>>;
  setThreatState(id: string, baseRevision: number, state: 'active' | 'retired'): Promise<Envelope<ThreatView>>;
}

/** The project's threat model, kept up to date in place after each successful change. */
export function useThreatModel(): ThreatModel {
  const [state, setState] = useState<ThreatModelState>({ status: 'loading' });
  // Only the newest load may set the state, so a slow answer cannot overwrite a newer one.
  const latestLoad = useRef(0);
  const mounted = useRef(true);

  const load = useCallback(async (): Promise<Envelope<ThreatModelView>> => {
    const attempt = ++latestLoad.current;
    setState((current) => (current.status === 'ready' ? current : { status: 'loading' }));
    const envelope = await callResolver('threat-model/get', {});
    if (mounted.current && attempt === latestLoad.current) {
      setState((current) => {
        if (envelope.ok) return { status: 'ready', model: envelope.data };
        // A failed reload keeps the model on screen; the caller shows the failure where it was asked for.
        return current.status === 'ready' ? current : { status: 'error', error: envelope.error };
      });
    }
    return envelope;
  }, []);

  useEffect(() => {
    mounted.current = true;
    void load();
    return () => {
      mounted.current = false;
    };
  }, [load]);

  const applyThreat = useCallback((saved: ThreatView) => {
    if (!mounted.current) return;
    setState((current) => {
      if (current.status !== 'ready') return current;
      const threats = current.model.threats;
      const existing = threats.find((row) => row.id === saved.id);
      // Residual risk follows the saved probability and impact, with the same mitigations.
      const risk = threatRisk(saved, asMitigations(current.model.mitigations));
      const row: ThreatRow = existing
        ? { ...saved, risk, storyCount: existing.storyCount, storiesJql: existing.storiesJql }
        : // A threat just created has no stories yet.
          { ...saved, risk, storyCount: 0, storiesJql: '' };
      const next = existing ? threats.map((t) => (t.id === saved.id ? row : t)) : [...threats, row];
      return { status: 'ready', model: { ...current.model, threats: next } };
    });
  }, []);

  const afterSave = useCallback(
    (envelope: Envelope<ThreatView>): Envelope<ThreatView> => {
      if (envelope.ok) applyThreat(envelope.data);
      return envelope;
    },
    [applyThreat],
  );

  const createThreat = useCallback(
    async (draft: ThreatDraft) => afterSave(await callResolver('threat-model/create-threat', { draft })),
    [afterSave],
  );

  const updateThreat = useCallback(
    async (id: string, baseRevision: number, draft: ThreatDraft) =>
      afterSave(await callResolver('threat-model/update-threat', { id, baseRevision, draft })),
    [afterSave],
  );

  const setThreatState = useCallback(
    async (id: string, baseRevision: number, next: 'active' | 'retired') =>
      afterSave(await callResolver('threat-model/set-threat-state', { id, baseRevision, state: next })),
    [afterSave],
  );

  return { state, reload: load, createThreat, updateThreat, setThreatState };
}
