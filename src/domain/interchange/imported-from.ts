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
 * Where an imported threat or mitigation came from: the file's format, the document it was in
 * (OTM's project id, a hash of a Threat Composer workspace's name) and the record's id in that
 * file. A second import of the same document finds the record by these and updates it instead
 * of adding it again, while two unrelated files that both number their threats INP01, INP02…
 * do not overwrite each other; an export writes the id back, so a round trip keeps it.
 */
export const ImportedFrom = z.object({
  format: InterchangeFormat,
  document: z.string().max(200).optional(),
  externalId: z.string().min(1).max(200),
});
export type ImportedFrom = z.infer<typeof ImportedFrom>;
