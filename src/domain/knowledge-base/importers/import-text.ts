/** Text helpers shared by the importers: sources are free text, the knowledge base has limits. */

export const collapseSpace = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Cuts text to the knowledge base's limit for a field, marking the cut with an ellipsis. */
export const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

// CAPEC-derived texts (pytm) glue their phase labels to the previous sentence:
// "...least privilegeDesign: Run server interfaces...".
const SENTENCE_END =
  /(?<!\b(?:e\.g|i\.e|etc|vs|cf))[.!?](?=\s+\S|[A-Z])|(?<=\S)(?=(?:Design|Implementation|Configuration|Operation|Architecture|Requirements?|Build|Deployment|Testing):)/;

/**
 * The first sentence of a paragraph, for a title. Libraries often glue sentences together
 * without a space ("...to the user.Do not use..."), so a capital right after a period ends one too.
 */
export function firstSentence(text: string): string {
  const flat = collapseSpace(text);
  const end = SENTENCE_END.exec(flat);
  return end ? flat.slice(0, end.index) : flat.replace(/[.!?]+$/, '');
}

/** A title from free text: its first sentence, cut at a word boundary when it is long. */
export function titleFrom(text: string, max = 120): string {
  const sentence = firstSentence(text);
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:-]+$/, '')}…`;
}

/** A file name without its folders, so a knowledge base does not record local paths. */
export const baseName = (file: string): string => file.split(/[\\/]/).pop() || file;

/** A knowledge-base id from a title: lowercase letters, digits and dashes, at most 60. */
export function slugOf(title: string, fallback: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

/**
 * A short fingerprint of the source text (32-bit FNV-1a, hex): the knowledge base's version when
 * the source has none, so re-importing a changed library yields a new version.
 */
export function contentVersion(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Ids as the knowledge base allows them (at most 80 characters), unique in order of appearance:
 * a repeated id gets "-2", "-3"... so the result does not depend on anything but the source. */
export function uniqueIds(ids: readonly string[], max = 80): string[] {
  const taken = new Set<string>();
  // Where to go on counting for each id: a file that repeats one id 100,000 times would
  // otherwise try every suffix already given, for each repeat (quadratic).
  const nextSuffix = new Map<string, number>();
  return ids.map((raw) => {
    const id = raw.trim().slice(0, max);
    let candidate = id;
    let n = nextSuffix.get(id) ?? 2;
    for (; taken.has(candidate); n += 1) candidate = `${id.slice(0, max - String(n).length - 1)}-${n}`;
    nextSuffix.set(id, n);
    taken.add(candidate);
    return candidate;
  });
}
