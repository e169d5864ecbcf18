import { KbImportError } from '../knowledge-base/importers/import-error';
import { importedLine } from './interchange-text';

/**
 * A UUID-shaped id made from `seed` alone (four 32-bit FNV-1a hashes with different offsets,
 * version and variant bits set as in a v4 UUID): Threat Composer links records by 36-character
 * ids, and an export must give a threat the same id every time so a re-import finds it.
 */
export function uuidFrom(seed: string): string {
  const words = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((offset) => {
    let hash = offset >>> 0;
    for (let i = 0; i < seed.length; i += 1) {
      hash ^= seed.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
  });
  const hex = words.join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * `preferred` unless it is taken (or empty), else `fallback`, else `fallback-2`, `fallback-3`…,
 * the first that is free; records the one returned. An imported record may keep an id such as
 * T-2 that the project also gives one of its own threats: both must still get an id of their own.
 */
export function uniqueId(preferred: string | undefined, fallback: string, taken: Set<string>): string {
  let id = preferred && !taken.has(preferred) ? preferred : fallback;
  for (let n = 2; taken.has(id); n += 1) id = `${fallback}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Names a JavaScript object treats specially: as a key they change an object's prototype, or
 * read one (`{}["constructor"]` is Object), so a file cannot use them as ids.
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The records of a file in order, each id once: a later record with an id already seen is left out, with a warning. */
export function firstOfEach<T extends { id: string }>(items: T[], what: string, warnings: string[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (!seen.has(item.id)) return seen.add(item.id);
    warnings.push(`The file has two ${what}s with the id ${fileId(item.id)}; the second is left out.`);
    return false;
  });
}

/** A file's id as a warning shows it: control, escape and bidi characters dropped, at most 60 characters. */
export const fileId = (id: string): string => importedLine(id, 60);

/** At most `max` records of a kind per file: a larger file is refused, saying the numbers. */
export function requireAtMost(count: number, max: number, what: string, file: string): void {
  if (count > max)
    throw new KbImportError(
      `${file}: has ${count} ${what}s; an import takes at most ${max.toLocaleString('en')} ${what}s per file. Split the file.`,
    );
}
