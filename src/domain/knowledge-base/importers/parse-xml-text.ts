import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { endOf, errorAt, type KbImportError, requireContent } from './import-error';

// The validator reports a truncated document as "Invalid '["Root", "Child"]' found." at line 1
// (the tags still open) or as "Unclosed tag 'Root'." at the opening tag; both mean the file
// ends too early, so the error points at the end and names the innermost open tag.
const OPEN_TAGS = /^Invalid '(\[[\s\S]*\])' found\.$/;
const UNCLOSED = /^Unclosed tag '([^']+)'\.$/;

function openTags(message: string): string[] {
  const list = OPEN_TAGS.exec(message)?.[1];
  if (list) {
    try {
      const tags: unknown = JSON.parse(list);
      if (Array.isArray(tags)) return tags.map(String);
    } catch {
      return [];
    }
  }
  const unclosed = UNCLOSED.exec(message)?.[1];
  return unclosed ? [unclosed] : [];
}

function syntaxError(text: string, file: string, err: { msg: string; line: number; col?: number }): KbImportError {
  const open = openTags(err.msg);
  const innermost = open[open.length - 1];
  if (innermost) return errorAt(file, endOf(text), `the file ends before <${innermost}> is closed (still open: ${open.join(' > ')})`);
  return errorAt(file, { line: err.line, column: err.col ?? 1 }, err.msg);
}

/**
 * Validates and parses XML into plain objects (attributes as `@_name`, namespace prefixes
 * dropped, every value a string). Tags named in `lists` always become arrays, so one
 * `<ThreatType>` reads like many.
 */
export function parseXmlText(text: string, file: string, lists: readonly string[]): unknown {
  const body = requireContent(text, file);
  const verdict = XMLValidator.validate(body);
  if (verdict !== true) throw syntaxError(body, file, verdict.err);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (tagName) => lists.includes(tagName),
  });
  return parser.parse(body) as unknown;
}
