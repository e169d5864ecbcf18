import { MAX_NESTING_DEPTH, isReservedName, nestingReason, reservedNameReason } from '../input-limits';
import { errorAt, positionAt } from './import-error';

/**
 * Refuses XML text that is built to hurt rather than to be read, before any XML parser sees it:
 * a DOCTYPE or any other DTD declaration (entities are how XML reads local files, reaches the
 * network or inflates a few bytes into gigabytes, and no threat template needs one), elements
 * and attributes named after an object's prototype, and elements nested more than
 * MAX_NESTING_DEPTH deep. It walks the text once, without recursion, and tolerates broken XML:
 * the validator reports syntax afterwards, with its own position.
 */
export function refuseHostileXml(text: string, file: string): void {
  const refuse = (at: number, reason: string) => errorAt(file, positionAt(text, at), reason);
  let depth = 0;
  for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) {
    const skipped = SKIPPED.find((s) => text.startsWith(s.open, at));
    if (skipped) {
      at = closeOf(text, at, skipped.close);
      continue;
    }
    if (text[at + 1] === '!') throw refuse(at, declarationReason(text, at));
    const tag = readTag(text, at);
    if (isReservedName(localName(tag.element.name)))
      throw refuse(at, reservedNameReason(`the element <${tag.element.name}>`));
    const attribute = tag.attributes.find((a) => isReservedName(localName(a.name)));
    if (attribute)
      throw refuse(attribute.at, reservedNameReason(`the attribute ${attribute.name} of <${tag.element.name}>`));
    if (tag.kind === 'end') depth = Math.max(0, depth - 1);
    else if (tag.kind === 'start') depth += 1;
    if (depth > MAX_NESTING_DEPTH) throw refuse(at, nestingReason('elements'));
    at = tag.end;
  }
}

// Comments, CDATA sections and processing instructions hold text, not markup.
const SKIPPED = [
  { open: '<!--', close: '-->' },
  { open: '<![CDATA[', close: ']]>' },
  { open: '<?', close: '?>' },
];

const closeOf = (text: string, at: number, close: string): number => {
  const end = text.indexOf(close, at);
  return end === -1 ? text.length : end + close.length - 1;
};

function declarationReason(text: string, at: number): string {
  const keyword = /^<!([A-Za-z]*)/.exec(text.slice(at, at + 20))?.[1] ?? '';
  const how = /^doctype$/i.test(keyword)
    ? 'declares a DOCTYPE'
    : /^entity$/i.test(keyword)
      ? 'declares an entity (<!ENTITY)'
      : `has a DTD declaration (<!${keyword}>)`;
  return `the file ${how}; Without for Jira does not read DTDs or entities`;
}

/** A namespace prefix is dropped when the file is read (`<x:Name>` is `Name`), so it cannot hide a name. */
const localName = (name: string): string => name.slice(name.lastIndexOf(':') + 1);

interface Name {
  name: string;
  /** Where the name starts. */
  at: number;
}

interface Tag {
  kind: 'start' | 'end' | 'empty';
  element: Name;
  attributes: Name[];
  /** The index of the closing ">" (or the end of the text). */
  end: number;
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const NAME_END = new Set([' ', '\t', '\n', '\r', '/', '>', '=']);

function readName(text: string, from: number): Name & { end: number } {
  let end = from;
  while (end < text.length && !NAME_END.has(text[end] ?? '')) end += 1;
  return { name: text.slice(from, end), at: from, end };
}

/** Reads a start, end or empty-element tag from its "<": its names and where it ends. */
function readTag(text: string, at: number): Tag {
  const isEnd = text[at + 1] === '/';
  const element = readName(text, at + (isEnd ? 2 : 1));
  const attributes: Name[] = [];
  let i = element.end;
  while (i < text.length && text[i] !== '>') {
    const c = text[i];
    if (isBlank(c) || c === '/') i += 1;
    else if (c === '"' || c === "'") i = closeOf(text, i + 1, c) + 1;
    else if (c === '=') i += 1;
    else {
      const attribute = readName(text, i);
      attributes.push({ name: attribute.name, at: attribute.at });
      i = Math.max(attribute.end, i + 1);
    }
  }
  const kind = isEnd ? 'end' : text[i - 1] === '/' ? 'empty' : 'start';
  return { kind, element: { name: element.name, at: element.at }, attributes, end: i };
}
