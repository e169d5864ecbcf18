/** Reading JSON strings in raw text, for the scanners that look at JSON without parsing it. */

/** The index of the quote that closes the string opening at `start` (the last index when none does). */
export function stringEnd(text: string, start: number): number {
  for (let at = start + 1; at < text.length; at += 1) {
    if (text[at] === '\\') at += 1;
    else if (text[at] === '"') return at;
  }
  return text.length - 1;
}

/** A quoted JSON string as JSON.parse reads it (escapes such as "\u005f" decoded); itself when broken. */
export function decodedString(quoted: string): string {
  if (!quoted.includes('\\')) return quoted.slice(1, -1);
  try {
    const value: unknown = JSON.parse(quoted);
    return typeof value === 'string' ? value : quoted;
  } catch {
    return quoted; // a broken escape: JSON.parse reports it, with its position
  }
}
