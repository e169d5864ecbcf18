import {
  MAX_NESTING_DEPTH,
  RULE_DEPTH_REASON,
  isReservedName,
  nestingReason,
  reservedNameReason,
} from '../input-limits';
import { errorAt, positionAt } from './import-error';
import { decodedString, stringEnd } from './json-strings';

/**
 * Refuses JSON text that is built to hurt rather than to be read, before JSON.parse builds
 * anything from it: values nested more than MAX_NESTING_DEPTH deep (8 MB of "[" would otherwise
 * become millions of nested arrays, and every recursive step after parsing a stack overflow),
 * and keys that reach an object's prototype. It walks the text once, without recursion, and
 * tolerates broken JSON: JSON.parse reports syntax afterwards, with its own position.
 */
export function refuseHostileJson(text: string, file: string): void {
  // The last key read in each open container: the path into the value being read, enough to
  // tell that a too-deep value is a rule.
  const keys: Array<string | undefined> = [];
  for (let at = 0; at < text.length; at += 1) {
    const c = text[at];
    if (c === '"') {
      const end = stringEnd(text, at);
      if (isKey(text, end)) {
        const key = decodedString(text.slice(at, end + 1));
        if (isReservedName(key)) throw errorAt(file, positionAt(text, at), reservedNameReason(`the key "${key}"`));
        if (keys.length > 0) keys[keys.length - 1] = key;
      }
      at = end;
    } else if (c === '{' || c === '[') {
      if (keys.length >= MAX_NESTING_DEPTH)
        throw errorAt(
          file,
          positionAt(text, at),
          keys.includes('appliesWhen') ? RULE_DEPTH_REASON : nestingReason('values'),
        );
      keys.push(undefined);
    } else if (c === '}' || c === ']') {
      keys.pop();
    }
  }
}

/** Whether the string ending at `end` is a key: the next character other than a blank is a colon. */
function isKey(text: string, end: number): boolean {
  let at = end + 1;
  while (at < text.length && ' \t\n\r'.includes(text[at] ?? '')) at += 1;
  return text[at] === ':';
}
