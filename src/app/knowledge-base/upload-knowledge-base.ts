import type { z } from 'zod';
import type { KbUpload, KbUploadResult } from '../../contract';
import { withActive } from '../../domain/knowledge-base/knowledge-base-choice';
import { storeKnowledgeBase } from '../../jira/knowledge-base/knowledge-base-repository';
import type { JiraClients } from '../common/jira-clients';
import { settingsView } from '../settings/settings-view';
import { changeKnowledgeBaseSettings } from './change-knowledge-base-settings';
import { readUploadedFile } from './read-uploaded-file';
import { requireKnowledgeBaseAdmin } from './require-knowledge-base-admin';

/** Uploads a knowledge base (or a new version of one) to the project, and turns it on when asked. */
export async function uploadKnowledgeBase(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  upload: z.output<typeof KbUpload>,
): Promise<KbUploadResult> {
  await requireKnowledgeBaseAdmin(jira.user, projectKey);
  const kb = readUploadedFile(upload);
  const now = new Date().toISOString();
  const { replaced } = await storeKnowledgeBase(jira.app, projectKey, kb, { accountId, now });
  if (upload.activate)
    await changeKnowledgeBaseSettings(jira.app, projectKey, accountId, (current) => withActive(current, kb.id, true));
  const view = await settingsView(jira, projectKey);
  const uploaded = view.knowledgeBases.find((s) => s.id === kb.id)!;
  return { view, uploaded, ...(replaced ? { replacedVersion: replaced.version } : {}) };
}
