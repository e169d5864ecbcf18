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
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180: quoted when it holds a comma, a quote, CR or LF; quotes doubled. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
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
