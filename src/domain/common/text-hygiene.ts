import { z } from 'zod';

// One rule for every text a person writes that the app stores (titles, descriptions, clauses,
// notes, reasons), so the UI and the resolvers accept and refuse exactly the same text with the
// same message. Lengths count what a person sees as one character (a grapheme cluster: 👍🏽, é
// typed as e + accent, a family emoji joined by zero-width joiners). Before, zod's .max counted
// code points and a browser's maxLength UTF-16 units, so 👍🏽 was two characters to the backend
// and four to the UI, and 200 of them made too long a title for both.

export interface TextRule {
  /** Names the field at the start of a sentence: "A threat title". */
  label: string;
  /** In characters as people see them; above 0, text with nothing visible is refused. */
  min: number;
  max: number;
  /** Whether line breaks and tabs belong in the text (descriptions, notes), or not (titles). */
  multiline: boolean;
  /** Where a field already had its own words for a too short or too long text, they stay. */
  tooShort?: string;
  tooLong?: string;
}

export type CheckedText = { ok: true; text: string } | { ok: false; reason: string };

// Unicode text is valid while still being harmful: bidi overrides and isolates make text read
// differently than it is stored (the "Trojan Source" trick), control characters end up in CSV,
// SARIF and terminals, and a lone surrogate cannot be encoded as UTF-8 at all. Line and
// paragraph separators are line breaks no text field shows as such.
const BIDI_CONTROLS = '\\u202A-\\u202E\\u2066-\\u2069';
const FORBIDDEN_SINGLE_LINE = new RegExp(`[\\p{Cc}${BIDI_CONTROLS}\\u2028\\u2029\\p{Cs}]`, 'u');
// The same, but for \t (U+0009) and \n (U+000A).
const FORBIDDEN_MULTILINE = new RegExp(
  `[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F${BIDI_CONTROLS}\\u2028\\u2029\\p{Cs}]`,
  'u',
);

// Text the app imports rather than a person types (knowledge bases, threat libraries) may keep
// CR line ends from the file; everything else the rule refuses, it refuses too.
const FORBIDDEN_IMPORTED = new RegExp(
  `[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F${BIDI_CONTROLS}\\u2028\\u2029\\p{Cs}]`,
  'u',
);

/** Why imported text cannot be used (a bidi override, a control character), or undefined. */
export function importedTextProblem(text: string): string | undefined {
  const found = FORBIDDEN_IMPORTED.exec(text);
  return found
    ? `contains an invisible or control character (${codePointName(found[0])} at character ${graphemeCount(text.slice(0, found.index)) + 1})`
    : undefined;
}

// What shows nothing on its own: spaces, zero-width and other default-ignorable characters
// (U+200B..U+200D, U+2060, U+FEFF, U+3164…), combining marks without a base, format and
// control characters. Text made only of these looks empty.
const INVISIBLE = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{M}\p{Cc}\p{Cf}\p{Cs}]*$/u;

// One segmenter for the module: creating one per call is far slower than segmenting. The UI
// imports this module too, and a browser without Intl.Segmenter (Firefox before 125) must still
// load the app: there, code points are counted, which only differs for joined sequences.
const graphemes =
  typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;

/**
 * The first `max` characters of `text` as people see them, with `ellipsis` when it was cut:
 * cutting by UTF-16 units could split an emoji and leave a lone surrogate.
 */
export function clip(text: string, max: number, ellipsis = '…'): string {
  if (atMost(text, max)) return text;
  const kept: string[] = [];
  for (const character of characters(text)) {
    if (kept.length >= max - ellipsis.length) break;
    kept.push(character);
  }
  return `${kept.join('')}${ellipsis}`;
}

// Intl.Segmenter walks a long string in time that grows with the square of its length (each
// step costs the whole string: 600,000 characters took a minute), so text is segmented in
// pieces of about CHUNK units. A piece ends only between two printable ASCII characters, where
// a grapheme boundary always is (no Unicode rule joins them), so the count is exact.
const CHUNK = 512;
const isPrintableAscii = (code: number): boolean => code >= 0x20 && code <= 0x7e;

function safeCut(text: string, from: number): number {
  for (let i = Math.min(from + CHUNK, text.length); i < text.length; i++) {
    if (isPrintableAscii(text.charCodeAt(i - 1)) && isPrintableAscii(text.charCodeAt(i))) return i;
  }
  return text.length;
}

/** The characters of `text` as people see them (grapheme clusters), in order. */
function* characters(text: string): Generator<string> {
  if (!graphemes) {
    yield* text;
    return;
  }
  for (let start = 0; start < text.length;) {
    const end = safeCut(text, start);
    for (const part of graphemes.segment(text.slice(start, end))) yield part.segment;
    start = end;
  }
}

/** How many characters a person sees in `text`; counting stops past `stopAfter`. */
export function graphemeCount(text: string, stopAfter = Number.POSITIVE_INFINITY): number {
  let count = 0;
  for (const _character of characters(text)) if (++count > stopAfter) break;
  return count;
}

// Segmenting is slow (about a million characters a second), and a stored model holds thousands
// of descriptions; a text never has more characters than UTF-16 units, so most need none.
// No character people see takes more than 16 UTF-16 units on average (a family emoji takes 11,
// a subdivision flag 14), so a longer text is too long without being segmented at all.
const UNITS_PER_CHARACTER_MAX = 16;
const atMost = (text: string, max: number): boolean =>
  text.length <= max || (text.length <= max * UNITS_PER_CHARACTER_MAX && graphemeCount(text, max) <= max);

/** Line breaks as a browser's text area gives them: CRLF (pasted from Windows) and lone CR become LF. */
const normaliseLineBreaks = (text: string): string => text.replace(/\r\n?/g, '\n');

const codePointName = (char: string): string =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `text` cannot be stored, naming the first character it cannot contain and where it is (in the trimmed text). */
function forbiddenReason(text: string, rule: TextRule): string | undefined {
  const found = (rule.multiline ? FORBIDDEN_MULTILINE : FORBIDDEN_SINGLE_LINE).exec(text);
  if (!found) return undefined;
  const position = graphemeCount(text.slice(0, found.index)) + 1;
  if (found[0] === '\n') return `${rule.label} must fit on one line (line break at character ${position})`;
  return `${rule.label} cannot contain invisible or control characters (${codePointName(found[0])} at character ${position})`;
}

const tooShort = (rule: TextRule): string => rule.tooShort ?? `${rule.label} needs at least ${rule.min} characters`;

const tooLong = (rule: Pick<TextRule, 'label' | 'max' | 'tooLong'>): string =>
  rule.tooLong ?? `${rule.label} can have at most ${rule.max} characters`;

function lengthReason(text: string, rule: TextRule): string | undefined {
  if (rule.min > 0 && graphemeCount(text, rule.min) < rule.min) return tooShort(rule);
  if (!atMost(text, rule.max)) return tooLong(rule);
  return undefined;
}

/** The text as it is stored (line breaks normalised, trimmed), or why it cannot be. */
export function checkPersonText(raw: string, rule: TextRule): CheckedText {
  const text = normaliseLineBreaks(raw).trim();
  const forbidden = forbiddenReason(text, rule);
  if (forbidden !== undefined) return { ok: false, reason: forbidden };
  // Text that shows nothing is no text: refused where some is needed, stored as empty where
  // none is (so "Say why it is rejected" cannot be answered with a zero-width space).
  if (INVISIBLE.test(text)) {
    if (rule.min === 0) return { ok: true, text: '' };
    return {
      ok: false,
      reason: text === '' ? tooShort(rule) : `${rule.label} cannot be made only of invisible characters`,
    };
  }
  const reason = lengthReason(text, rule);
  return reason === undefined ? { ok: true, text } : { ok: false, reason };
}

/** A zod string that a person wrote: parses to the cleaned text, or fails with the rule's reason. */
export const personText = (rule: TextRule) =>
  z.string().transform((raw, ctx) => {
    const checked = checkPersonText(raw, rule);
    if (checked.ok) return checked.text;
    ctx.addIssue({ code: 'custom', message: checked.reason });
    return z.NEVER;
  });

/**
 * The same field as stored and read back: only its length is checked, counted the same way.
 * Stored records written before this rule (or by hand through Jira's API) stay readable; the
 * rule applies again when a person next edits them.
 */
export const storedText = (rule: Pick<TextRule, 'label' | 'max' | 'tooLong'>) =>
  z.string().refine((text) => atMost(text, rule.max), tooLong(rule));
