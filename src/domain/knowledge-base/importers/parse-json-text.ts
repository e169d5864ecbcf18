import { endOf, errorAt, type KbImportError, positionAt, requireContent, withoutBom } from './import-error';
import { refuseHostileJson } from './hostile-json';
import { jsonErrorOffset } from './json-error-offset';
import { jsonPathOffset } from './json-path-offset';

// V8 appends where and what it saw ("in JSON at position 12 (line 2 column 3)", or
// `, "[1, x]" is not valid JSON`, shortened with "..." for long text); the position is given separately, so only the reason is kept.
const POSITION_SUFFIX = /\s*(?:in JSON )?at position \d+(?: \(line \d+ column \d+\))?\s*$/;
const SNIPPET_SUFFIX = /,\s*(?:\.\.\.)?"[\s\S]*"(?:\.\.\.)?\s+is not valid JSON\s*$/;

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(SNIPPET_SUFFIX, '').replace(POSITION_SUFFIX, '') || 'Invalid JSON';
}

/**
 * JSON.parse with the file, line and column of a syntax error in the message. Text nested too
 * deeply or with a key such as "__proto__" is refused before it is parsed (see hostile-json).
 */
export function parseJsonText(text: string, file: string): unknown {
  const body = requireContent(text, file);
  refuseHostileJson(body, file);
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const offset = jsonErrorOffset(body);
    const at = offset === undefined || offset >= body.trimEnd().length ? endOf(body) : positionAt(body, offset);
    throw errorAt(file, at, reasonOf(error));
  }
}

/**
 * An error about a value found in the data parseJsonText returned, placed where that value
 * stands in the text (`path` as zod gives it: `[3, 'target', 0]`).
 */
export function jsonErrorAt(
  text: string,
  file: string,
  path: ReadonlyArray<string | number>,
  reason: string,
): KbImportError {
  const body = withoutBom(text);
  const offset = jsonPathOffset(body, path);
  return errorAt(file, offset === undefined ? endOf(body) : positionAt(body, offset), reason);
}
