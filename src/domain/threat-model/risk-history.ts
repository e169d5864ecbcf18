import { z } from 'zod';

/**
 * A year of daily points fits inside one property (Jira's limit is 32,768 characters): a point
 * is at most about 75 characters once its figures are rounded to two decimals (recordPoint).
 */
export const MAX_POINTS = 366;

export const RiskPoint = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  now: z.number().min(0),
  planned: z.number().min(0),
  /** Whole percent of the stories that need WITHOUT clauses that have them, at that day's last audit. */
  coverage: z.number().int().min(0).max(100).optional(),
});
export type RiskPoint = z.infer<typeof RiskPoint>;

export const RiskHistory = z.object({ v: z.literal(1), points: z.array(RiskPoint).max(MAX_POINTS * 2) });
export type RiskHistory = z.infer<typeof RiskHistory>;

/**
 * Adds today's point, replacing an earlier one of the same day, keeping the newest year. A point
 * without coverage (a status change) keeps the coverage the day's audit recorded.
 */
export function recordPoint(history: RiskPoint[], point: RiskPoint): RiskPoint[] {
  const sameDay = history.find((p) => p.date === point.date);
  const others = history.filter((p) => p.date !== point.date);
  const coverage = point.coverage ?? sameDay?.coverage;
  // Risk is a sum of products of fractions (106.49999999999997): unrounded, a year of points
  // outgrew the property (found by a review), and the chart shows one decimal anyway.
  const rounded = { ...point, now: round2(point.now), planned: round2(point.planned) };
  const kept = coverage === undefined ? rounded : { ...rounded, coverage };
  return [...others, kept].sort((a, b) => a.date.localeCompare(b.date)).slice(-MAX_POINTS);
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

export const dayOf = (iso: string): string => iso.slice(0, 10);
