import { invalidDate } from './jql-error';

// JQL date operands: absolute dates read as UTC (the local site has no user time zone),
// or a period relative to now such as '-5d' or '4w 2d'.

const ABSOLUTE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/;
const PERIOD = /^([+-])?\s*((?:\d+[wdhm]\s*)+)$/i;
const PERIOD_PART = /(\d+)([wdhm])/gi;
const UNIT_MS: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000 };

export function parseJqlDate(raw: string, field: string, now: number): number {
  const value = raw.trim();
  const absolute = ABSOLUTE.exec(value);
  if (absolute) {
    const [, year, month, day, hour, minute] = absolute.map(Number);
    return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour || 0, minute || 0);
  }
  const period = PERIOD.exec(value);
  if (period) return now + (period[1] === '-' ? -1 : 1) * periodMs(period[2] ?? '');
  if (value.includes('T') && !Number.isNaN(Date.parse(value))) return Date.parse(value);
  throw invalidDate(raw, field);
}

function periodMs(period: string): number {
  return [...period.matchAll(PERIOD_PART)].reduce(
    (sum, [, amount, unit]) => sum + Number(amount) * (UNIT_MS[(unit ?? '').toLowerCase()] ?? 0),
    0,
  );
}

/** A stored date (ISO string or yyyy-MM-dd) as epoch milliseconds, or undefined. */
export function storedDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
