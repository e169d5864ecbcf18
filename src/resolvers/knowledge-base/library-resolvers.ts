import type Resolver from '@forge/resolver';
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../domain/common/app-error';
import { readKnowledgeBaseFile } from '../../domain/knowledge-base/importers/read-knowledge-base-file';
import { KbImportError, unforeseenImportError } from '../../domain/knowledge-base/importers/import-error';
import type { KnowledgeBase } from '../../domain/knowledge-base/knowledge-base';
import { BUILT_IN_KB_ID, type KnowledgeBaseSettings } from '../../domain/knowledge-base/knowledge-base-settings';
import { KbRemove, KbRestore, KbSettingsSave, KbUpload, type KbUploadResult } from '../../domain/resolver-contract';
import { projectPermissions } from '../../jira/client/permissions';
import type { JiraClient } from '../../jira/client/jira-client';
import {
  readKnowledgeBaseLibrary,
  setKnowledgeBaseRemoved,
  storeKnowledgeBase,
} from '../../jira/knowledge-base/knowledge-base-repository';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';
import { appClient, userClient } from '../../jira/client/clients';
import { projectKeyOf } from '../context-project';
import { defineResolver } from '../define-resolver';
import { settingsView } from '../../app/settings/settings-view';

// Project settings, knowledge-base part: which are active and the default list, uploading one
// (or a new version of one), removing one and undoing that. Project administrators only.

/** An uploaded file may inflate to at most this; a larger one is refused before it is parsed. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

async function requireProjectAdmin(user: JiraClient, projectKey: string): Promise<void> {
  const { ADMINISTER_PROJECTS } = await projectPermissions(user, projectKey, ['ADMINISTER_PROJECTS']);
  if (!ADMINISTER_PROJECTS)
    throw new AppError('FORBIDDEN', `Only administrators of ${projectKey} can choose and upload knowledge bases.`);
}

// Node's base64 decoder skips what is not base64, so a damaged upload is caught here, by name.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function fileText(content: KbUpload['content'], fileName: string): string {
  if (content.encoding === 'text') return content.text;
  if (!BASE64.test(content.data))
    throw new AppError(
      'BAD_REQUEST',
      `${fileName} did not arrive intact (the compressed upload is not base64). Try again.`,
    );
  try {
    return inflateRawSync(Buffer.from(content.data, 'base64'), { maxOutputLength: MAX_FILE_BYTES }).toString('utf8');
  } catch (error) {
    // Checked by code: the error's class comes from node's realm, not always this one's RangeError.
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new AppError(
        'BAD_REQUEST',
        `${fileName} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; split it into smaller knowledge bases.`,
      );
    throw new AppError(
      'BAD_REQUEST',
      `${fileName} did not arrive intact (the compressed upload cannot be read). Try again.`,
    );
  }
}

function knowledgeBaseOf(payload: KbUpload): KnowledgeBase {
  const text = fileText(payload.content, payload.fileName);
  try {
    return readKnowledgeBaseFile(text, payload.format, payload.fileName);
  } catch (error) {
    if (error instanceof KbImportError) throw new AppError('BAD_REQUEST', error.message);
    // The file caused it, so the person gets a sentence about the file, not the host's generic
    // error; the log keeps the stack for whoever fixes the importer.
    console.error(`without: reading the upload ${payload.fileName} failed unexpectedly`, error);
    throw new AppError('BAD_REQUEST', unforeseenImportError(payload.fileName, error).message);
  }
}

/** Changes the knowledge-base settings as the app, after the caller checked the person. */
const changeKnowledgeBaseSettings = (
  projectKey: string,
  accountId: string,
  change: (current: KnowledgeBaseSettings) => KnowledgeBaseSettings,
) =>
  changeThreatModel(appClient(), projectKey, accountId, (model) => ({
    model: { ...model, settings: { ...model.settings, knowledgeBases: change(model.settings.knowledgeBases) } },
    result: undefined,
  }));

const withActive = (settings: KnowledgeBaseSettings, id: string, active: boolean): KnowledgeBaseSettings => ({
  ...settings,
  active: active
    ? settings.active.includes(id)
      ? settings.active
      : [...settings.active, id]
    : settings.active.filter((x) => x !== id),
});

export function registerKnowledgeBaseSettingsResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'knowledge-base/save-settings', KbSettingsSave, async ({ payload, context }) => {
    const projectKey = projectKeyOf(context);
    const user = userClient();
    await requireProjectAdmin(user, projectKey);
    const library = await readKnowledgeBaseLibrary(user, projectKey);
    const known = new Set(library.entries.filter((e) => e.removedAt === undefined).map((e) => e.id));
    const unknown = payload.knowledgeBases.active.filter((id) => id !== BUILT_IN_KB_ID && !known.has(id));
    if (unknown.length > 0)
      throw new AppError(
        'BAD_REQUEST',
        `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a knowledge base of ${projectKey}; reload the page.`,
      );
    await changeKnowledgeBaseSettings(projectKey, context.accountId, () => payload.knowledgeBases);
    return settingsView(user, projectKey);
  });

  defineResolver(resolver, 'knowledge-base/upload', KbUpload, async ({ payload, context }): Promise<KbUploadResult> => {
    const projectKey = projectKeyOf(context);
    const user = userClient();
    await requireProjectAdmin(user, projectKey);
    const kb = knowledgeBaseOf(payload);
    const now = new Date().toISOString();
    const { replaced } = await storeKnowledgeBase(appClient(), projectKey, kb, { accountId: context.accountId, now });
    if (payload.activate)
      await changeKnowledgeBaseSettings(projectKey, context.accountId, (current) => withActive(current, kb.id, true));
    const view = await settingsView(user, projectKey);
    const uploaded = view.knowledgeBases.find((s) => s.id === kb.id)!;
    return { view, uploaded, ...(replaced ? { replacedVersion: replaced.version } : {}) };
  });

  defineResolver(resolver, 'knowledge-base/remove', KbRemove, async ({ payload, context }) => {
    const projectKey = projectKeyOf(context);
    const user = userClient();
    await requireProjectAdmin(user, projectKey);
    if (payload.id === BUILT_IN_KB_ID)
      throw new AppError('BAD_REQUEST', 'The built-in knowledge base cannot be removed; turn it off instead.');
    await setKnowledgeBaseRemoved(appClient(), projectKey, payload.id, true, {
      accountId: context.accountId,
      now: new Date().toISOString(),
    });
    await changeKnowledgeBaseSettings(projectKey, context.accountId, (current) =>
      withActive(current, payload.id, false),
    );
    return settingsView(user, projectKey);
  });

  defineResolver(resolver, 'knowledge-base/restore', KbRestore, async ({ payload, context }) => {
    const projectKey = projectKeyOf(context);
    const user = userClient();
    await requireProjectAdmin(user, projectKey);
    await setKnowledgeBaseRemoved(appClient(), projectKey, payload.id, false, {
      accountId: context.accountId,
      now: new Date().toISOString(),
    });
    if (payload.activate)
      await changeKnowledgeBaseSettings(projectKey, context.accountId, (current) =>
        withActive(current, payload.id, true),
      );
    return settingsView(user, projectKey);
  });
}
