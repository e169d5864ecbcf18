import { inflateRawSync } from 'node:zlib';
import type { KbUpload } from '../../contract';
import { AppError } from '../../domain/common/app-error';
import { KbImportError, unforeseenImportError } from '../../domain/knowledge-base/importers/import-error';
import { readKnowledgeBaseFile } from '../../domain/knowledge-base/importers/read-knowledge-base-file';
import type { KnowledgeBase } from '../../domain/knowledge-base/knowledge-base';

/** An uploaded file may inflate to at most this; a larger one is refused before it is parsed. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

// Node's base64 decoder skips what is not base64, so a damaged upload is caught here, by name.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The uploaded file's text: sent as text, or deflated (and then at most 8 MB once inflated).
 * `pieces`: what a too large file should be split into ("smaller knowledge bases").
 */
export function fileText(content: KbUpload['content'], fileName: string, pieces = 'knowledge bases'): string {
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
        `${fileName} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; split it into smaller ${pieces}.`,
      );
    throw new AppError(
      'BAD_REQUEST',
      `${fileName} did not arrive intact (the compressed upload cannot be read). Try again.`,
    );
  }
}

/** The knowledge base in an uploaded file (sent as text or deflated), or a sentence about what is wrong with the file. */
export function readUploadedFile(upload: Pick<KbUpload, 'content' | 'fileName' | 'format'>): KnowledgeBase {
  const text = fileText(upload.content, upload.fileName);
  try {
    return readKnowledgeBaseFile(text, upload.format, upload.fileName);
  } catch (error) {
    if (error instanceof KbImportError) throw new AppError('BAD_REQUEST', error.message);
    // The file caused it, so the person gets a sentence about the file, not the host's generic
    // error; the log keeps the stack for whoever fixes the importer.
    console.error(`without: reading the upload ${upload.fileName} failed unexpectedly`, error);
    throw new AppError('BAD_REQUEST', unforeseenImportError(upload.fileName, error).message);
  }
}
