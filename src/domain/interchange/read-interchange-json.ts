import type { z } from 'zod';
import { KbImportError } from '../knowledge-base/importers/import-error';
import { jsonErrorAt, parseJsonText } from '../knowledge-base/importers/parse-json-text';

const pathText = (path: ReadonlyArray<PropertyKey>): string =>
  path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i > 0 ? '.' : ''}${String(k)}`)).join('') || 'the file';

/**
 * The file's JSON checked against `schema`: a syntax error is `file:line:col: reason`, and so is
 * a value of the wrong shape, placed where that value stands, with its JSON path in the reason.
 */
export function readInterchangeJson<T>(text: string, file: string, schema: z.ZodType<T>): T {
  const value = parseJsonText(text, file);
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  // A missing field is placed at the object that lacks it.
  const missing = issue.code === 'invalid_type' && issue.input === undefined;
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  const reason = missing ? 'is missing' : issue.message;
  throw jsonErrorAt(text, file, missing ? path.slice(0, -1) : path, `${pathText(issue.path)} ${reason}`);
}

export { KbImportError as InterchangeFileError };
