import type Resolver from '@forge/resolver';
import { saveSettings } from '../../app/settings/save-settings';
import { settingsView } from '../../app/settings/settings-view';
import { callClients } from '../call-clients';
import { projectKeyOf } from '../context-project';
import { defineResolver } from '../define-resolver';

export function registerSettingsResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'settings/get', ({ context }) => settingsView(callClients(), projectKeyOf(context)));

  defineResolver(resolver, 'settings/save', ({ payload, context }) =>
    saveSettings(callClients(), projectKeyOf(context), context.accountId, payload),
  );
}
