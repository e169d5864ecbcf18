// An export too large for one resolver answer (5.1 MB of OTM at 1,000 threats and 10,000
// stories; Forge refuses an answer over 5 MB) is handed out in parts the browser joins. A part
// is a run of pieces of the document's JSON text: each element of its top-level arrays is a
// piece, with the text between them attached, so the pieces joined are exactly what
// JSON.stringify writes. Only the threats' pieces name stories; every other piece depends on the
// model alone, so a part reads the stories of its own threats only, never every story.

export interface DocumentPiece {
  text: string;
  /** For an element of the `threats` array: its place there (the model's threat order). */
  threatIndex?: number;
}

/** The document's text (JSON.stringify's, and a final line break) as pieces. */
export function documentPieces(document: object, threatsKey = 'threats'): DocumentPiece[] {
  const pieces: DocumentPiece[] = [];
  let between = '{';
  let first = true;
  for (const [key, value] of Object.entries(document)) {
    const json = Array.isArray(value) ? undefined : JSON.stringify(value);
    // JSON.stringify leaves out a key whose value it cannot write (undefined, a function).
    if (!Array.isArray(value) && json === undefined) continue;
    between += `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (!Array.isArray(value)) {
      between += json;
      continue;
    }
    between += '[';
    value.forEach((element: unknown, i) => {
      const text = `${between}${i === 0 ? '' : ','}${JSON.stringify(element) ?? 'null'}`;
      pieces.push(key === threatsKey ? { text, threatIndex: i } : { text });
      between = '';
    });
    between += ']';
  }
  pieces.push({ text: `${between}}\n` });
  return pieces;
}
