export interface PlotPoint {
  x: number;
  y: number;
}

// Two decimals are finer than a pixel at any width the chart is drawn at, and keep paths short.
const coordinate = (value: number): string => String(Math.round(value * 100) / 100);

/** An SVG path through the points, in order; a single point is a move only, drawn as a dot elsewhere. */
export function linePath(points: readonly PlotPoint[]): string {
  return points
    .map((point, index) => `${index === 0 ? 'M' : 'L'}${coordinate(point.x)},${coordinate(point.y)}`)
    .join(' ');
}

/** The area between the line through the points and the horizontal line at `baseline`. */
export function areaPath(points: readonly PlotPoint[], baseline: number): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || points.length < 2) return '';
  const base = coordinate(baseline);
  return `M${coordinate(first.x)},${base} ${linePath(points).replace(/^M/, 'L')} L${coordinate(last.x)},${base} Z`;
}
