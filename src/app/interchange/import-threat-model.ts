import type { InterchangeImport, InterchangeImportRequest, InterchangeImportResult } from '../../contract';
import { AppError } from '../../domain/common/app-error';
import { KbImportError, unforeseenImportError } from '../../domain/knowledge-base/importers/import-error';
import type { InterchangeModel } from '../../domain/interchange/interchange-model';
import { mergeImport } from '../../domain/interchange/merge-import';
import { readInterchangeFile } from '../../domain/interchange/read-interchange-file';
import { changeThreatModel } from '../../jira/threat-model/threat-model-repository';
import type { JiraClients } from '../common/jira-clients';
import { threatModelOf } from '../common/call-reads';
import { fileText } from '../knowledge-base/read-uploaded-file';
import { asModelEditor, requireModelEditor } from '../threat-model/require-model-editor';

/** The uploaded file's threats and mitigations, or BAD_REQUEST with `file:line:col: reason`. */
export function readImportUpload(upload: InterchangeImport): InterchangeModel {
  const text = fileText(upload.content, upload.fileName, 'files');
  try {
    return readInterchangeFile(text, upload.fileName, upload.format);
  } catch (error) {
    if (error instanceof KbImportError) throw new AppError('BAD_REQUEST', error.message);
    console.error(`without: reading the import ${upload.fileName} failed unexpectedly`, error);
    throw new AppError('BAD_REQUEST', unforeseenImportError(upload.fileName, error).message);
  }
}

const actorOf = (accountId: string) => ({ accountId, now: new Date().toISOString() });

/** What importing the file would create, update and leave unchanged, from the model as the person reads it; nothing is written. */
export async function previewModelImport(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  file: InterchangeModel,
): Promise<InterchangeImportResult> {
  const stored = await threatModelOf(jira, projectKey);
  return { preview: mergeImport(stored.model, file, actorOf(accountId), projectKey).preview, applied: false };
}

const CHANGED_SINCE_PREVIEW = (projectKey: string) =>
  `${projectKey}'s threat model changed since the preview (someone edited, added or imported threats or mitigations this file touches). Nothing was imported; preview the file again to see what it would change now.`;

/**
 * Merges the file into the model under the model's lease, as the app, after checking the person
 * may edit the model (asModelEditor runs before the lock is taken, so nothing is written for
 * anyone else). The merge is made again from the model as it is under the lease; with the
 * preview's `token`, it must be the plan the preview showed, else CONFLICT and nothing is
 * written (without one, as from the command line, preview and import are this one step). A
 * file imported twice adds nothing the second time. All records are written in one change (a
 * 1,000-threat file is about 20 shards, written in parallel).
 */
export async function applyModelImport(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  file: InterchangeModel,
  token?: string,
): Promise<InterchangeImportResult> {
  const actor = actorOf(accountId);
  const preview = await changeThreatModel(
    jira.app,
    projectKey,
    accountId,
    (model) => {
      const merged = mergeImport(model, file, actor, projectKey);
      if (token !== undefined && merged.preview.token !== token)
        throw new AppError('CONFLICT', CHANGED_SINCE_PREVIEW(projectKey));
      return { model: merged.model, result: merged.preview };
    },
    asModelEditor(jira, projectKey, accountId),
  );
  return { preview, applied: true };
}

/** A preview for someone who can read the model: the read comes before the file is parsed, so nobody else makes the app parse 8 MB. */
export async function previewImport(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  upload: InterchangeImport,
): Promise<InterchangeImportResult> {
  await threatModelOf(jira, projectKey);
  return previewModelImport(jira, projectKey, accountId, readImportUpload(upload));
}

/** The import, for a model editor: checked before the file is parsed (the check under the lease reuses its reads). */
export async function importThreatModel(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  upload: InterchangeImportRequest,
): Promise<InterchangeImportResult> {
  await requireModelEditor(jira, projectKey, accountId);
  return applyModelImport(jira, projectKey, accountId, readImportUpload(upload), upload.token);
}
