import { checkPersonText, clip } from '../common/text-hygiene';

// Text in an import file is input: invisible and control characters (bidi overrides included)
// are dropped rather than refusing a whole file for one stray character, CRLF becomes LF, and
// each text is cut to the model's limit for its field, with an ellipsis.
// eslint-disable-next-line no-control-regex -- dropping control characters is the point
const DROPPED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const cleaned = (text: string): string =>
  text.replace(/\r\n?/g, '\n').replace(DROPPED, '').replace(LONE_SURROGATE, '').trim();

/** A multiline text of at most `max` characters. */
export const importedText = (text: string | null | undefined, max: number): string => clip(cleaned(text ?? ''), max);

/** A one-line text (a title, a component) of at most `max` characters. */
export const importedLine = (text: string | null | undefined, max: number): string =>
  clip(cleaned(text ?? '').replace(/\s+/g, ' '), max);

/**
 * The cleaned text when a person could have typed it (the rule the model's own fields use:
 * something visible, not only zero-width spaces or combining marks), else ''.
 */
export function visibleOrEmpty(text: string, max: number, multiline: boolean): string {
  const checked = checkPersonText(text, { label: 'A text', min: 1, max, multiline });
  return checked.ok ? checked.text : '';
}

/** Whether a title shows at least three characters the way the model's title rule counts them. */
const isTitle = (title: string, max: number): boolean =>
  checkPersonText(title, { label: 'A title', min: 3, max, multiline: false }).ok;

/** A title of at least three visible characters: the text, or `fallback` when the text is shorter or invisible. */
export function importedTitle(text: string | null | undefined, fallback: string, max = 200): string {
  const title = importedLine(text, max);
  return isTitle(title, max) ? title : importedLine(fallback, max);
}

/**
 * A title from a long one-line text (a Threat Composer statement): the text when it has at most
 * `max` characters, else its start cut at a word boundary with "…". The title without the "…"
 * is always a start of the text, which is how an export finds the full text again (record-notes).
 */
export function titleOfStatement(text: string, fallback: string, max = 120): string {
  if (!isTitle(clip(text, max), max)) return importedLine(fallback, max);
  if ([...text].length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  if (space < max / 2) return clip(text, max);
  return `${cut.slice(0, space).replace(/[\s,;:-]+$/, '')}…`;
}
