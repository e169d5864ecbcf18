import { z } from 'zod';
import { InterchangeFormat } from '../domain/interchange/imported-from';
import type { ImportPreview } from '../domain/interchange/merge-import';
import { personText } from '../domain/common/text-hygiene';
import { KbUpload } from './knowledge-base';
import { endpoint, NoPayload } from './endpoint';

export type { ImportPreview };

/** Where a part of an export starts: the piece the last part ended before, of the model at the revision it read. */
export const ExportCursor = z.object({
  piece: z.number().int().min(1).max(10_000_000),
  revision: z.number().int().min(0),
});
export type ExportCursor = z.infer<typeof ExportCursor>;

/** An export, from its first part (no `from`) or from where the last part said the next one starts. */
export const InterchangeExportRequest = z.object({ format: InterchangeFormat, from: ExportCursor.optional() });
export type InterchangeExportRequest = z.infer<typeof InterchangeExportRequest>;

/**
 * A part of the document to download, as text: the browser joins the parts' texts, in order,
 * into the file (each part's answer stays under 1 MB; a 1,000-threat model with 10,000 stories
 * makes about 5 MB of OTM, more than Forge lets one answer carry).
 */
export interface InterchangeExport {
  format: InterchangeFormat;
  fileName: string;
  text: string;
  /** Where the next part starts; null after the last. */
  next: ExportCursor | null;
  /** Pieces of the document handed out so far, of all (records, roughly): for progress. */
  progress: { done: number; total: number };
  threats: number;
  mitigations: number;
  /** Stored values that could not be read and so are not in the file. */
  problems: string[];
}

/** An OTM or Threat Composer file, sent as text or deflated like a knowledge-base upload (the invoke payload limit is 500 KB). */
export const InterchangeImport = z.object({
  fileName: personText({ label: 'A file name', min: 1, max: 400, multiline: false, tooShort: 'Name the file' }),
  format: z.enum(['auto', ...InterchangeFormat.options]).default('auto'),
  content: KbUpload.shape.content,
});
export type InterchangeImport = z.output<typeof InterchangeImport>;

/** The same file, sent again to be imported, with the preview's token: refused (CONFLICT) if the model changed since. */
export const InterchangeImportRequest = InterchangeImport.extend({ token: z.string().min(1).max(100) });
export type InterchangeImportRequest = z.output<typeof InterchangeImportRequest>;

export interface InterchangeImportResult {
  preview: ImportPreview;
  /** False for a preview: nothing was written. */
  applied: boolean;
}

/** Whether the person may import into the model: the page says why not before a file is picked. */
export interface InterchangeAccess {
  canImport: boolean;
}

export const interchangeEndpoints = {
  'interchange/access': endpoint<InterchangeAccess>()(NoPayload),
  'interchange/export': endpoint<InterchangeExport>()(InterchangeExportRequest),
  'interchange/preview-import': endpoint<InterchangeImportResult>()(InterchangeImport),
  'interchange/import': endpoint<InterchangeImportResult>()(InterchangeImportRequest),
};
