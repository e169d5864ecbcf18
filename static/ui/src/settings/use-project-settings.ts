import { useCallback } from 'react';
import type { Envelope } from '../../../../src/domain/common/envelope';
import type { SettingsView, ThreatModelSettings } from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';
import { useResolverView, type ViewState } from '../common/use-resolver-view';

export type SettingsState = ViewState<SettingsView>;

export interface ProjectSettings {
  state: SettingsState;
  reload(): void;
  save(settings: ThreatModelSettings): Promise<Envelope<SettingsView>>;
  /** Shows a view a knowledge-base action answered with. */
  show(view: SettingsView): void;
}

export function useProjectSettings(): ProjectSettings {
  const { state, load, show } = useResolverView('settings/get', {});

  const save = useCallback(
    async (settings: ThreatModelSettings) => {
      const envelope = await callResolver('settings/save', { settings });
      if (envelope.ok) show(envelope.data);
      return envelope;
    },
    [show],
  );

  const reload = useCallback(() => void load(), [load]);
  return { state, reload, save, show };
}
