import { z } from 'zod';

/** The threat-model interchange formats the app reads and writes. */
export const INTERCHANGE_FORMATS = ['otm', 'threat-composer'] as const;
export const InterchangeFormat = z.enum(INTERCHANGE_FORMATS);
export type InterchangeFormat = z.infer<typeof InterchangeFormat>;

export const INTERCHANGE_FORMAT_NAMES: Record<InterchangeFormat, string> = {
  otm: 'Open Threat Model',
  'threat-composer': 'Threat Composer',
};

/**
 * Where an imported threat or mitigation came from: the file's format and the record's id in
 * that file. A second import of the same file finds the record by this pair and updates it
 * instead of adding it again; an export writes the id back, so a round trip keeps it.
 */
export const ImportedFrom = z.object({
  format: InterchangeFormat,
  externalId: z.string().min(1).max(200),
});
export type ImportedFrom = z.infer<typeof ImportedFrom>;
