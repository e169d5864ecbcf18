import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorBody, Envelope } from '../../../../src/domain/envelope';
import type { SettingsView, ThreatModelSettings } from '../../../../src/domain/resolver-contract';
import { callResolver } from '../api/invoke-resolver';

export type SettingsState =
  | { status: 'loading' }
  | { status: 'error'; error: AppErrorBody }
  | { status: 'ready'; view: SettingsView };

export interface ProjectSettings {
  state: SettingsState;
  reload(): void;
  save(settings: ThreatModelSettings): Promise<Envelope<SettingsView>>;
  /** Shows a view a knowledge-base action answered with. */
  show(view: SettingsView): void;
}

export function useProjectSettings(): ProjectSettings {
  const [state, setState] = useState<SettingsState>({ status: 'loading' });
  const latestLoad = useRef(0);
  const mounted = useRef(true);

  const load = useCallback(async () => {
    const attempt = ++latestLoad.current;
    setState({ status: 'loading' });
    const envelope = await callResolver('settings/get', {});
    if (!mounted.current || attempt !== latestLoad.current) return;
    setState(envelope.ok ? { status: 'ready', view: envelope.data } : { status: 'error', error: envelope.error });
  }, []);

  useEffect(() => {
    mounted.current = true;
    void load();
    return () => {
      mounted.current = false;
    };
  }, [load]);

  const save = useCallback(async (settings: ThreatModelSettings) => {
    const envelope = await callResolver('settings/save', { settings });
    if (envelope.ok && mounted.current) setState({ status: 'ready', view: envelope.data });
    return envelope;
  }, []);

  const show = useCallback((view: SettingsView) => {
    if (mounted.current) setState({ status: 'ready', view });
  }, []);

  const reload = useCallback(() => void load(), [load]);
  return { state, reload, save, show };
}
