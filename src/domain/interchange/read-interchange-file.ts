import { KbImportError, requireContent } from '../knowledge-base/importers/import-error';
import { parseJsonText } from '../knowledge-base/importers/parse-json-text';
import type { InterchangeFormat } from './imported-from';
import type { InterchangeModel } from './interchange-model';
import { importOtm } from './otm-import';
import { importThreatComposer } from './threat-composer-import';

/** Which interchange format a parsed JSON value is, from its content: OTM names its version, Threat Composer its schema. */
export function interchangeFormatOf(value: unknown): InterchangeFormat | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  if ('otmVersion' in value) return 'otm';
  if ('schema' in value && ('threats' in value || 'mitigations' in value || 'applicationInfo' in value))
    return 'threat-composer';
  return undefined;
}

const READERS: Record<InterchangeFormat, (text: string, file: string) => InterchangeModel> = {
  otm: importOtm,
  'threat-composer': importThreatComposer,
};

/**
 * An OTM or Threat Composer file, in the format its content shows (or the one given). Throws
 * KbImportError: `file:line:col: reason` for broken JSON or a value of the wrong shape.
 */
export function readInterchangeFile(
  text: string,
  file: string,
  format: InterchangeFormat | 'auto' = 'auto',
): InterchangeModel {
  const body = requireContent(text, file);
  const used = format === 'auto' ? interchangeFormatOf(parseJsonText(body, file)) : format;
  if (!used)
    throw new KbImportError(
      `${file}: neither an Open Threat Model file (no "otmVersion") nor a Threat Composer export (no "schema" with threats); expected OTM 0.2.0 or a .tc.json file`,
    );
  return READERS[used](body, file);
}
