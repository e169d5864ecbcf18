import { z } from 'zod';
import { InterchangeFormat } from '../domain/interchange/imported-from';
import type { ImportPreview } from '../domain/interchange/merge-import';
import { personText } from '../domain/common/text-hygiene';
import { KbUpload } from './knowledge-base';
import { endpoint, NoPayload } from './endpoint';

export type { ImportPreview };

export const InterchangeExportRequest = z.object({ format: InterchangeFormat });
export type InterchangeExportRequest = z.infer<typeof InterchangeExportRequest>;

/** The document to download, as text (an answer may be 5 MB; a 1,000-threat model is far below). */
export interface InterchangeExport {
  format: InterchangeFormat;
  fileName: string;
  text: string;
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
