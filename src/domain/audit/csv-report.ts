import { printable } from '../common/printable-text';
import type { AuditResult } from './audit-result';
import type { Finding } from './finding';

export const CSV_COLUMNS = [
  'severity',
  'kind',
  'id',
  'message',
  'stories',
  'threats',
  'mitigations',
  'tasks',
  'fix',
  'suppressed',
  'suppressed_by',
  'suppressed_why',
] as const;

// Spreadsheets run a cell that starts with one of these as a formula; user text (a suppression's
// why, a summary) must not become one, so such a field gets a leading apostrophe (OWASP's advice).
// Tab and CR, which OWASP lists too, are spaces by then (cellText); leading whitespace is looked
// past, as an import that trims cells would.
const FORMULA_START = /^\s*[=+\-@]/;

// Line breaks (LF, CRLF) are kept: a reason written on several lines is content, RFC 4180 lets a
// quoted cell hold them, and in a terminal they only end a line. Every other control character
// (a lone CR, which moves the cursor back over a line, ESC, tab) and every bidi mark becomes a space.
const LINE_BREAK = /(\r\n|\n)/;

/** The text a cell shows: printable between its line breaks (split puts the breaks at odd indices). */
const cellText = (value: string): string =>
  value
    .split(LINE_BREAK)
    .map((part, i) => (i % 2 === 1 ? part : printable(part)))
    .join('');

/** RFC 4180: quoted when it holds a comma, a quote, CR or LF; quotes doubled. */
export function csvField(value: string): string {
  const text = cellText(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function row(f: Finding): string[] {
  const { storyKeys, threatIds, mitigationIds, taskKeys } = f.entities;
  return [
    f.severity,
    f.kind,
    f.id,
    f.message,
    storyKeys.join(' '),
    threatIds.join(' '),
    mitigationIds.join(' '),
    taskKeys.join(' '),
    f.fix.label,
    f.suppression ? 'yes' : 'no',
    f.suppression?.by ?? '',
    f.suppression?.why ?? '',
  ];
}

/** Every finding, suppressed ones too, one CRLF-terminated record each after the header. */
export function toCsv(result: AuditResult): string {
  return [[...CSV_COLUMNS], ...result.findings.map(row)]
    .map((fields) => `${fields.map(csvField).join(',')}\r\n`)
    .join('');
}
