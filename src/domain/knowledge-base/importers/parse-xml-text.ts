import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { endOf, errorAt, KbImportError, requireContent } from './import-error';
import { refuseHostileXml } from './hostile-xml';
import { clip } from './import-text';

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
  if (innermost)
    return errorAt(
      file,
      endOf(text),
      `the file ends before <${innermost}> is closed (still open: ${open.join(' > ')})`,
    );
  return errorAt(file, { line: err.line, column: err.col ?? 1 }, err.msg);
}

/**
 * The parser's own refusals (it throws plain errors, e.g. on a name it finds unsafe) as a
 * KbImportError: the file is at fault, not the app. refuseHostileXml has refused everything the
 * parser is known to throw on, with a position; this is for what it may refuse besides.
 */
function parserRefusal<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof KbImportError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new KbImportError(`${file}: the XML cannot be read: ${clip(reason.replace(/^\[SECURITY\]\s*/, ''), 300)}`);
  }
}

/**
 * Validates and parses XML into plain objects (attributes as `@_name`, namespace prefixes
 * dropped, every value a string). Tags named in `lists` always become arrays, so one
 * `<ThreatType>` reads like many. A DOCTYPE, a prototype's name or too deep a nesting is refused
 * first (see hostile-xml), so no entity is ever declared, let alone expanded; only XML's five
 * predefined ones (&amp; &lt; &gt; &quot; &apos;) are read.
 */
export function parseXmlText(text: string, file: string, lists: readonly string[]): unknown {
  const body = requireContent(text, file);
  refuseHostileXml(body, file);
  const verdict = parserRefusal(file, () => XMLValidator.validate(body));
  if (verdict !== true) throw syntaxError(body, file, verdict.err);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (tagName) => lists.includes(tagName),
  });
  return parserRefusal(file, (): unknown => parser.parse(body));
}
