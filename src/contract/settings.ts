import { z } from 'zod';
import type { KnowledgeBaseSummary } from '../domain/knowledge-base/knowledge-base-summary';
import { ThreatModelSettings } from '../domain/threat-model/threat-model-settings';
import { endpoint, NoPayload } from './endpoint';

// The model's settings are part of the threat model; the contract only passes them on.
export { ThreatModelSettings };

const sent = ThreatModelSettings.shape;
/**
 * The settings form's save. Every field may be left out, with no default filled in: a client
 * older than a field does not send it, and the stored value is kept (see save-settings), rather
 * than reset to the default.
 */
export const SettingsSave = z.object({
  settings: z.object({
    editorRoleIds: sent.editorRoleIds.unwrap().optional(),
    editorGroupIds: sent.editorGroupIds.unwrap().optional(),
    taskIssueTypeName: sent.taskIssueTypeName.unwrap().optional(),
    statusMapping: sent.statusMapping.unwrap().optional(),
    knowledgeBases: sent.knowledgeBases.unwrap().optional(),
    risk: sent.risk.unwrap().optional(),
    storyCoverage: sent.storyCoverage.unwrap().optional(),
    verificationRules: sent.verificationRules,
  }),
});
export type SettingsSave = z.infer<typeof SettingsSave>;

export interface SettingsView {
  projectKey: string;
  settings: ThreatModelSettings;
  roles: Array<{ id: string; name: string }>;
  groups: Array<{ id: string; name: string }>;
  /** Issue types a mitigation task can have in this project. */
  issueTypes: string[];
  /** Status names of the project's workflow, for the status mapping. */
  statuses: Array<{ name: string; categoryKey: 'new' | 'indeterminate' | 'done' }>;
  /** The built-in knowledge base and the uploaded ones, active ones first in their order. */
  knowledgeBases: KnowledgeBaseSummary[];
  canEdit: boolean;
  /** Stored values that could not be read (an uploaded knowledge base, the list of them). */
  problems: string[];
}

export const settingsEndpoints = {
  'settings/get': endpoint<SettingsView>()(NoPayload),
  'settings/save': endpoint<SettingsView>()(SettingsSave),
};
