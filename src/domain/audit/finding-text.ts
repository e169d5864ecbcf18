import { printable } from '../common/printable-text';
import type { Mitigation } from '../mitigation/mitigation';
import type { Threat } from '../threat-model/threat';

// Helpers that put names into sentences. Titles and summaries are user text: collapse their
// whitespace and cut them, so one long value does not swallow the message, and make their control
// and bidi characters spaces, so a sentence shown in a terminal or a spreadsheet reads as stored.

const TITLE_MAX = 80;
const LIST_MAX = 5;

export function quote(text: string, max = TITLE_MAX): string {
  const flat = printable(text).replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return `"${chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat}"`;
}

export const threatName = (t: Threat): string => `${t.id} ${quote(t.title)}`;
export const mitigationName = (m: Mitigation): string => `${m.id} ${quote(m.title)}`;
export const issueName = (s: { key: string; summary: string }): string =>
  s.summary.trim() ? `${s.key} ${quote(s.summary)}` : s.key;

/** "A, B and C"; long lists end with "and 7 more". */
export function listing(items: string[], max = LIST_MAX): string {
  const shown = items.length > max ? [...items.slice(0, max), `${items.length - max} more`] : items;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
