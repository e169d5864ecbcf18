import { endOf, errorAt, KbImportError, positionAt, withoutBom } from '../knowledge-base/importers/import-error';
import { jsonPathOffset } from '../knowledge-base/importers/json-path-offset';
import { parseJsonText } from '../knowledge-base/importers/parse-json-text';
import { SarifLog } from './sarif-log';

/** A SARIF file that cannot be read, with `file:line:col: reason`. Nothing is recorded from it. */
export class SarifFileError extends Error {
  override name = 'SarifFileError';
}

/**
 * Parses the text of a SARIF file: malformed JSON, hostile JSON (see hostile-json) and a shape
 * that is not SARIF 2.1.0 are refused with the place in the file.
 */
export function readSarifFile(text: string, file: string): SarifLog {
  let data: unknown;
  try {
    data = parseJsonText(text, file);
  } catch (error) {
    if (error instanceof KbImportError) throw new SarifFileError(error.message);
    throw error;
  }
  const parsed = SarifLog.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  const field = path.length > 0 ? `"${path.join('.')}" ` : '';
  const reason = issue.code === 'invalid_type' && issue.input === undefined ? 'is missing' : issue.message;
  throw new SarifFileError(
    errorAt(file, placeOf(withoutBom(text), path), `not SARIF 2.1.0: ${field}${reason}`).message,
  );
}

/** Where the value at `path` stands, or the nearest enclosing value that is there (a missing field: its object). */
function placeOf(body: string, path: Array<string | number>) {
  for (let n = path.length; n >= 0; n--) {
    const offset = jsonPathOffset(body, path.slice(0, n));
    if (offset !== undefined) return positionAt(body, offset);
  }
  return endOf(body);
}
