import { type z } from 'zod';
import { clip } from './import-text';

/**
 * A threat library that cannot be imported: empty, malformed, truncated or of the wrong shape.
 * The message names the file and, where the text is at fault, the line and column
 * (`threats.json:12:5: Unexpected end of JSON input`), so a person can open the file there.
 */
export class KbImportError extends Error {
  override name = 'KbImportError';
}

/**
 * An error no importer foresaw, as a KbImportError: a file must be refused in words, never with
 * a crash or the host's generic error. The edges (upload, command line) use it after every
 * known refusal; whoever calls it logs the original for the one who fixes the importer.
 */
export function unforeseenImportError(file: string, error: unknown): KbImportError {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new KbImportError(
    `${file}: the file cannot be read (${what.slice(0, 200)}); this is a fault of Without for Jira, please report it with the file`,
  );
}

export interface TextPosition {
  line: number;
  column: number;
}

/** Line and column (both from 1) of a character offset; an offset past the end is the end. */
export function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

/** Where the text ends, ignoring trailing blanks: the place to point at for a truncated file. */
export const endOf = (text: string): TextPosition => positionAt(text, text.trimEnd().length);

// A reason quotes the file at times (a tag name, a value): a hostile file's megabyte-long name
// must not become a megabyte-long message, so a reason is cut to a readable length.
const MAX_REASON = 500;
const MAX_ISSUE = 300;

export const errorAt = (file: string, at: TextPosition, reason: string): KbImportError =>
  new KbImportError(`${file}:${at.line}:${at.column}: ${clip(reason, MAX_REASON)}`);

/** Removes a byte-order mark, which editors on Windows (and the TMT) may write. */
export const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

export function requireContent(text: string, file: string): string {
  const body = withoutBom(text);
  if (body.trim() === '') throw new KbImportError(`${file}: the file is empty`);
  return body;
}

type Issue = z.core.$ZodIssue;

/**
 * Says in the source's words what the start of a zod path points at, e.g. `entry 4 (SID "INP04")`
 * for `[3, ...]`, and how many keys of the path that label covers; the rest is shown as a field.
 */
export type DescribePath = (path: ReadonlyArray<PropertyKey>) => { label: string; consumed: number };

const MAX_ISSUES = 5;

const fieldOf = (keys: ReadonlyArray<PropertyKey>): string =>
  keys.length === 0
    ? ''
    : `"${keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i > 0 ? '.' : ''}${String(k)}`)).join('')}" `;

function issueText(issue: Issue, describe: DescribePath): string {
  const { label, consumed } = describe(issue.path);
  // zod reports a missing field as "expected string, received undefined"; say it plainly.
  const reason = issue.code === 'invalid_type' && issue.input === undefined ? 'is missing' : issue.message;
  return clip(`${label}: ${fieldOf(issue.path.slice(consumed))}${reason}`, MAX_ISSUE);
}

/** Turns the issues of a structural check into one readable message (at most five issues). */
export function structureError(file: string, error: z.ZodError, describe: DescribePath): KbImportError {
  const lines = error.issues.slice(0, MAX_ISSUES).map((issue) => issueText(issue, describe));
  const more = error.issues.length > MAX_ISSUES ? `\n  (and ${error.issues.length - MAX_ISSUES} more)` : '';
  const body = lines.length === 1 ? lines[0] : `\n  ${lines.join('\n  ')}`;
  return new KbImportError(`${file}: ${body}${more}`);
}
