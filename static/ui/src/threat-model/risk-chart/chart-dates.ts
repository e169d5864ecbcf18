// Dates of the history are calendar days ('YYYY-MM-DD'); the chart counts them as whole days
// since 1970-01-01 in UTC, so no time zone can move a point to another day.
const MS_PER_DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_STEPS = [1, 2, 7, 14];
const MONTH_STEPS = [1, 2, 3, 6, 12];

export interface DateTick {
  day: number;
  label: string;
}

/** Whole days since 1970-01-01, or NaN for a value that is not a calendar date. */
export function dayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return Number.NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  // 2025-02-30 is not a date, though Date.UTC rolls it over to March.
  return back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? time / MS_PER_DAY : Number.NaN;
}

const dateOf = (day: number): Date => new Date(day * MS_PER_DAY);

/** "3 Mar 2025" */
export function formatDay(day: number): string {
  const date = dateOf(day);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** A few readable ticks from `first` to `last`: every 1, 2, 7 or 14 days, or at month starts. */
export function dateTicks(first: number, last: number, maxTicks = 6): DateTick[] {
  if (!(last > first)) return [{ day: first, label: formatDay(first) }];
  const span = last - first;
  const dayStep = DAY_STEPS.find((step) => Math.floor(span / step) + 1 <= maxTicks);
  if (dayStep !== undefined) {
    return Array.from({ length: Math.floor(span / dayStep) + 1 }, (_, index) => first + index * dayStep).map((day) => ({
      day,
      label: shortDay(day),
    }));
  }
  const starts = monthStarts(first, last);
  const monthStep =
    MONTH_STEPS.find((step) => starts.filter((start) => start.month % step === 0).length <= maxTicks) ?? 12;
  const picked = starts.filter((start) => start.month % monthStep === 0);
  return picked.map((start, index) => ({
    day: start.day,
    // The year where it changes, and once at the start, so the axis says which year it is.
    label: index === 0 || start.month === 0 ? `${MONTHS[start.month]} ${start.year}` : (MONTHS[start.month] ?? ''),
  }));
}

function shortDay(day: number): string {
  const date = dateOf(day);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

function monthStarts(first: number, last: number): Array<{ day: number; year: number; month: number }> {
  const start = dateOf(first);
  const starts = [];
  // The first of the month after `first`, unless `first` is one already.
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth() + (start.getUTCDate() === 1 ? 0 : 1);
  for (;;) {
    if (month === 12) {
      year += 1;
      month = 0;
    }
    const day = Date.UTC(year, month, 1) / MS_PER_DAY;
    if (day > last) return starts;
    starts.push({ day, year, month });
    month += 1;
  }
}
