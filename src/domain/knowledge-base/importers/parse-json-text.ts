import { endOf, errorAt, positionAt, requireContent } from './import-error';
import { jsonErrorOffset } from './json-error-offset';

// V8 appends where and what it saw ("in JSON at position 12 (line 2 column 3)", or
// `, "[1, x]" is not valid JSON`, shortened with "..." for long text); the position is given separately, so only the reason is kept.
const POSITION_SUFFIX = /\s*(?:in JSON )?at position \d+(?: \(line \d+ column \d+\))?\s*$/;
const SNIPPET_SUFFIX = /,\s*(?:\.\.\.)?"[\s\S]*"(?:\.\.\.)?\s+is not valid JSON\s*$/;

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(SNIPPET_SUFFIX, '').replace(POSITION_SUFFIX, '') || 'Invalid JSON';
}

/** JSON.parse with the file, line and column of a syntax error in the message. */
export function parseJsonText(text: string, file: string): unknown {
  const body = requireContent(text, file);
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const offset = jsonErrorOffset(body);
    const at = offset === undefined || offset >= body.trimEnd().length ? endOf(body) : positionAt(body, offset);
    throw errorAt(file, at, reasonOf(error));
  }
}
