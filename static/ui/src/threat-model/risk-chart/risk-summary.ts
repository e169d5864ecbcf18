import type { RiskPoint } from '../../../../../src/domain/threat-model/risk-history';
import { formatDay } from './chart-dates';
import { chartPoints } from './chart-geometry';

/** Risk is a sum of scores that mitigations can reduce by quarters: one decimal at most. */
export function formatRisk(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** One sentence for people who cannot see the chart: "Risk now fell from 120 to 95 over 30 days". */
export function describeRisk(history: readonly RiskPoint[]): string {
  const points = chartPoints(history);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return 'No risk history yet.';
  const planned = `${formatRisk(last.planned)} once planned work is done`;
  if (points.length === 1) return `Risk now was ${formatRisk(last.now)} on ${formatDay(last.day)}; ${planned}.`;
  const days = last.day - first.day + 1;
  const period = `over ${days} days, ${formatDay(first.day)} to ${formatDay(last.day)}`;
  const [from, to] = [formatRisk(first.now), formatRisk(last.now)];
  if (from === to) return `Risk now stayed at ${to} ${period}; ${planned}.`;
  return `Risk now ${last.now < first.now ? 'fell' : 'rose'} from ${from} to ${to} ${period}; ${planned}.`;
}

/** What a point says, in its tooltip and as its accessible name. */
export function describePoint(point: RiskPoint & { day: number }): string {
  const coverage = point.coverage === undefined ? '' : `, story coverage ${point.coverage}% at that day's audit`;
  return `${formatDay(point.day)}: risk now ${formatRisk(point.now)}, ${formatRisk(point.planned)} once planned work is done${coverage}`;
}
