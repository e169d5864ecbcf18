import { clip } from '../common/text-hygiene';

// Threat Composer's statement (up to 1,400 characters) and mitigation content (up to 1,000) can
// be longer than a title (200): the title is then the text cut with "…", and the full text opens
// the description. The record's comment follows, then the assumptions linked to it, as a list
// under "Assumptions:". An export takes the three apart again (splitNotes), so a round trip
// gives the same texts.

const ASSUMPTIONS = '\n\nAssumptions:\n';
const ASSUMPTIONS_AT_START = 'Assumptions:\n';

export interface RecordNotes {
  /** The full text the title was cut from; empty when the title holds all of it. */
  full: string;
  comment: string;
  assumptions: string[];
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function composeNotes(notes: RecordNotes, max: number): string {
  const list = notes.assumptions.map((a) => `- ${oneLine(a)}`).join('\n');
  const parts = [notes.full, notes.comment, list ? `${ASSUMPTIONS_AT_START}${list}` : ''].filter((p) => p !== '');
  return clip(parts.join('\n\n'), max);
}

/** The parts composeNotes joined, from a title and the text that follows it. */
export function splitNotes(title: string, text: string): RecordNotes {
  let rest = text;
  let full = '';
  const stem = title.endsWith('…') ? title.slice(0, -1) : undefined;
  if (stem && rest.startsWith(stem)) {
    const end = rest.indexOf('\n\n');
    full = end < 0 ? rest : rest.slice(0, end);
    rest = end < 0 ? '' : rest.slice(end + 2);
  }
  let assumptions: string[] = [];
  const at = rest.startsWith(ASSUMPTIONS_AT_START) ? 0 : rest.lastIndexOf(ASSUMPTIONS);
  if (at >= 0) {
    const block = rest.slice(at).replace(/^\n\n/, '').slice(ASSUMPTIONS_AT_START.length);
    assumptions = block
      .split('\n')
      .filter((line) => line.startsWith('- '))
      .map((line) => line.slice(2).trim())
      .filter(Boolean);
    rest = rest.slice(0, at);
  }
  return { full, comment: rest.trim(), assumptions };
}
