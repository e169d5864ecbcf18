import type { KnowledgeBaseSettings } from '../../domain/knowledge-base/knowledge-base-settings';
import type { JiraClient } from '../../jira/client/jira-client';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';

/** Changes the knowledge-base settings (part of the model's settings) as the app, after the caller checked the person. */
export const changeKnowledgeBaseSettings = (
  app: JiraClient,
  projectKey: string,
  accountId: string,
  change: (current: KnowledgeBaseSettings) => KnowledgeBaseSettings,
): Promise<void> =>
  changeThreatModel(app, projectKey, accountId, (model) => ({
    model: { ...model, settings: { ...model.settings, knowledgeBases: change(model.settings.knowledgeBases) } },
    result: undefined,
  }));
