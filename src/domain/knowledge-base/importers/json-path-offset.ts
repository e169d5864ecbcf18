import { decodedString, stringEnd } from './json-strings';

/**
 * The character offset where the value at `path` starts in JSON `text` (`[3, 'target', 0]` is the
 * first target of the fourth entry), or undefined when the text has no such value. For text that
 * JSON.parse read: a message about a value found in the parsed data can then say where it is.
 * It steps over every other value without building it and without recursion.
 */
export function jsonPathOffset(text: string, path: ReadonlyArray<string | number>): number | undefined {
  let at = blankEnd(text, 0);
  for (const step of path) {
    const found = typeof step === 'number' ? itemStart(text, at, step) : memberStart(text, at, step);
    if (found === undefined) return undefined;
    at = found;
  }
  return at;
}

const BLANKS = ' \t\n\r';

const blankEnd = (text: string, from: number): number => {
  let at = from;
  while (at < text.length && BLANKS.includes(text[at] ?? '')) at += 1;
  return at;
};

/** The start of item `index` of the array starting at `at`. */
function itemStart(text: string, at: number, index: number): number | undefined {
  if (text[at] !== '[') return undefined;
  let item = blankEnd(text, at + 1);
  for (let i = 0; i < index; i += 1) {
    const next = afterSeparator(text, valueEnd(text, item));
    if (next === undefined) return undefined;
    item = next;
  }
  return text[item] === ']' ? undefined : item;
}

/** The start of the value of member `key` of the object starting at `at`; the last one if repeated, as JSON.parse keeps the last. */
function memberStart(text: string, at: number, key: string): number | undefined {
  if (text[at] !== '{') return undefined;
  let found: number | undefined;
  let member: number | undefined = blankEnd(text, at + 1);
  while (member !== undefined && text[member] === '"') {
    const keyEnd = valueEnd(text, member);
    const value = blankEnd(text, blankEnd(text, keyEnd) + 1);
    if (decodedString(text.slice(member, keyEnd)) === key) found = value;
    member = afterSeparator(text, valueEnd(text, value));
  }
  return found;
}

/** After a comma (and the blanks around it), the start of the next item or member; undefined at the end of the container. */
function afterSeparator(text: string, end: number): number | undefined {
  const at = blankEnd(text, end);
  return text[at] === ',' ? blankEnd(text, at + 1) : undefined;
}

/** The offset just past the value starting at `at`: a string, a container (however deep) or a literal. */
function valueEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') i = stringEnd(text, i);
    else if (c === '{' || c === '[') depth += 1;
    else if (c === '}' || c === ']') {
      if (depth === 0) return i; // a literal ending at its container's close
      depth -= 1;
    } else if (depth === 0 && (c === ',' || BLANKS.includes(c ?? ''))) return i;
    if (depth === 0 && (c === '"' || c === '}' || c === ']')) return i + 1;
  }
  return text.length;
}
