// A document too large for one resolver answer (Forge refuses one over 5 MB, and the views keep
// each under 1 MB) is handed out in parts the browser joins into the file. Parts are cut by
// the size of their answer, the text as JSON (quotes and breaks escaped) in UTF-8, so a part of
// any text stays under the bound; the cut never splits a UTF-16 surrogate pair.

/** What a part's text may take in its answer: the rest of the 1 MB is the envelope. */
export const PART_BYTES = 900_000;

/** UTF-8 bytes of a string, counted without Node's Buffer (the domain runs in the browser too). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate half is 2 of a pair's 4 bytes (a lone one is written as a 6-byte escape by JSON).
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdfff ? 2 : 3;
  }
  return bytes;
}

/** The bytes a text takes inside a JSON answer. */
export const answerBytes = (text: string): number => utf8Bytes(JSON.stringify(text)) - 2;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** Where each part starts: the same text always cuts the same way, so parts read on separate calls fit together. */
export function partStarts(text: string, maxBytes = PART_BYTES): number[] {
  const starts: number[] = [];
  let at = 0;
  do {
    starts.push(at);
    let length = Math.min(text.length - at, maxBytes);
    while (length > 1 && answerBytes(text.slice(at, at + length)) > maxBytes) length = Math.floor(length * 0.9);
    if (at + length < text.length && isHighSurrogate(text.charCodeAt(at + length - 1))) length -= 1;
    at += Math.max(1, length);
  } while (at < text.length);
  return starts;
}

/** Part `index` of the text (see partStarts), with how many there are. */
export function textPart(
  text: string,
  index: number,
  maxBytes = PART_BYTES,
): { text: string; parts: number } | undefined {
  const starts = partStarts(text, maxBytes);
  if (index >= starts.length) return undefined;
  return { text: text.slice(starts[index], starts[index + 1] ?? text.length), parts: starts.length };
}
