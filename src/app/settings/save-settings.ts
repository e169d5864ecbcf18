import type { SettingsSave, SettingsView } from '../../contract';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';
import type { JiraClients } from '../common/jira-clients';
import { requireProjectAdmin } from '../common/require-project-admin';
import { settingsView } from './settings-view';

/** The settings form's save, for project administrators; the knowledge-base choice is saved on its own. */
export async function saveSettings(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  { settings }: SettingsSave,
): Promise<SettingsView> {
  await requireProjectAdmin(jira.user, projectKey, "change the app's settings");
  // The knowledge-base choice is saved by knowledge-base/save-settings, the rule ids mapped for
  // verification by verification/save-rules; this form never changes them. A field the form did
  // not send (a client older than the field) keeps its stored value.
  await changeThreatModel(jira.app, projectKey, accountId, (model) => {
    const { verificationRules: _rules, knowledgeBases: _kbs, ...rest } = settings;
    const sent = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
    return { model: { ...model, settings: { ...model.settings, ...sent } }, result: undefined };
  });
  return settingsView(jira, projectKey);
}
