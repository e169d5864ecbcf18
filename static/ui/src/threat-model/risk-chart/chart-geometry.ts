import type { RiskPoint } from '../../../../../src/domain/threat-model/risk-history';
import { dateTicks, dayNumber, type DateTick } from './chart-dates';
import { areaPath, linePath } from './chart-paths';
import { linearScale, valueTicks } from './chart-scale';

/** The chart's own coordinates; the SVG scales them to the width it is given (viewBox). */
export const CHART_SIZE = { width: 720, height: 220, margin: { top: 16, right: 28, bottom: 32, left: 44 } };
export type ChartSize = typeof CHART_SIZE;

export interface ChartPoint extends RiskPoint {
  day: number;
  x: number;
  yNow: number;
  yPlanned: number;
}

export interface ChartGeometry {
  plot: { left: number; right: number; top: number; bottom: number };
  points: ChartPoint[];
  valueTicks: Array<{ value: number; y: number }>;
  dateTicks: Array<DateTick & { x: number }>;
  nowLine: string;
  nowArea: string;
  plannedLine: string;
  /** Where the project's risk tolerance sits, when one is drawn. */
  tolerance?: { value: number; y: number };
}

/** The points with a calendar date, oldest first: the history is stored input, and may be broken. */
export function chartPoints(history: readonly RiskPoint[]): Array<RiskPoint & { day: number }> {
  return history
    .map((point) => ({ ...point, day: dayNumber(point.date) }))
    .filter((point) => Number.isFinite(point.day) && Number.isFinite(point.now) && Number.isFinite(point.planned))
    .sort((a, b) => a.day - b.day);
}

export function chartGeometry(
  history: readonly RiskPoint[],
  size: ChartSize = CHART_SIZE,
  tolerance?: number,
): ChartGeometry {
  const dated = chartPoints(history);
  const plot = {
    left: size.margin.left,
    right: size.width - size.margin.right,
    top: size.margin.top,
    bottom: size.height - size.margin.bottom,
  };
  const first = dated[0]?.day ?? 0;
  const last = dated[dated.length - 1]?.day ?? first;
  // The scale reaches the tolerance too, so its line is on the chart even far above the risk.
  const limit = tolerance !== undefined && Number.isFinite(tolerance) ? [tolerance] : [];
  const ticks = valueTicks(Math.max(0, ...limit, ...dated.flatMap((point) => [point.now, point.planned])));
  const x = linearScale([first, last], [plot.left, plot.right]);
  const y = linearScale([0, ticks[ticks.length - 1] ?? 1], [plot.bottom, plot.top]);

  const points = dated.map((point) => ({ ...point, x: x(point.day), yNow: y(point.now), yPlanned: y(point.planned) }));
  const now = points.map((point) => ({ x: point.x, y: point.yNow }));
  return {
    plot,
    points,
    valueTicks: ticks.map((value) => ({ value, y: y(value) })),
    dateTicks: dated.length === 0 ? [] : dateTicks(first, last).map((tick) => ({ ...tick, x: x(tick.day) })),
    nowLine: linePath(now),
    nowArea: areaPath(now, plot.bottom),
    plannedLine: linePath(points.map((point) => ({ x: point.x, y: point.yPlanned }))),
    ...(limit[0] !== undefined ? { tolerance: { value: limit[0], y: y(limit[0]) } } : {}),
  };
}
