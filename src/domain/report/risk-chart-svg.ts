import type { RiskPoint } from '../threat-model/risk-history';

// The risk trend as an inline SVG for the HTML report: the same two lines as the app's chart
// (risk now, and once planned work is done) over the recorded days. Plain SVG, no script, so
// it prints and opens anywhere; the numbers and dates are the app's own, never text from Jira.

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

const round = (n: number) => Math.round(n * 10) / 10;

function path(
  points: RiskPoint[],
  value: (p: RiskPoint) => number,
  x: (i: number) => number,
  y: (v: number) => number,
) {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(x(i))},${round(y(value(p)))}`).join(' ');
}

/** The chart, or a sentence when there are fewer than two points to draw. */
export function riskChartSvg(points: RiskPoint[]): string {
  if (points.length < 2)
    return '<p class="muted">Fewer than two days of risk history are recorded, so there is no trend to draw yet.</p>';
  const max = Math.max(1, ...points.map((p) => Math.max(p.now, p.planned)));
  const top = Math.ceil(max / 10) * 10;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (plotW * i) / (points.length - 1);
  const y = (v: number) => PAD.top + plotH - (plotH * v) / top;
  const ticks = [0, top / 2, top]
    .map(
      (v) =>
        `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${round(y(v))}" y2="${round(y(v))}" stroke="#dfe1e6"/>` +
        `<text x="${PAD.left - 6}" y="${round(y(v)) + 4}" text-anchor="end" font-size="11" fill="#44546f">${v}</text>`,
    )
    .join('');
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const dates =
    `<text x="${PAD.left}" y="${HEIGHT - 8}" font-size="11" fill="#44546f">${first.date}</text>` +
    `<text x="${WIDTH - PAD.right}" y="${HEIGHT - 8}" font-size="11" fill="#44546f" text-anchor="end">${last.date}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-label="Risk from ${first.date} to ${last.date}: now ${round(last.now)}, planned ${round(last.planned)}" class="risk-chart">`,
    ticks,
    `<path d="${path(points, (p) => p.planned, x, y)}" fill="none" stroke="#1f845a" stroke-width="2" stroke-dasharray="6 4"/>`,
    `<path d="${path(points, (p) => p.now, x, y)}" fill="none" stroke="#c9372c" stroke-width="2.5"/>`,
    dates,
    '</svg>',
    '<p class="legend"><span class="key now"></span> Risk now <span class="key planned"></span> Once planned work is done</p>',
  ].join('');
}

/** A few points of the history for a table: the first, about one a week or month between, and the last. */
export function trendSample(points: RiskPoint[], rows = 8): RiskPoint[] {
  if (points.length <= rows) return points;
  const step = (points.length - 1) / (rows - 1);
  return Array.from({ length: rows }, (_, i) => points[Math.round(i * step)]!);
}
