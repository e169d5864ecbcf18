import { useRef, useState, type KeyboardEvent } from 'react';
import { CHART_COLORS } from './chart-colors';
import type { ChartGeometry, ChartPoint, ChartSize } from './chart-geometry';
import { ChartTooltip } from './chart-tooltip';
import { describePoint } from './risk-summary';

interface Props {
  geometry: ChartGeometry;
  size: ChartSize;
}

// Every day is a point a keyboard can reach: one tab stop for the chart, arrow keys between days
// (a roving tab index), so a year of points does not cost 366 presses of Tab.
const STEPS: Record<string, (index: number, last: number) => number> = {
  ArrowLeft: (index) => index - 1,
  ArrowRight: (index) => index + 1,
  PageDown: (index) => index - 7,
  PageUp: (index) => index + 7,
  Home: () => 0,
  End: (_, last) => last,
};

/** The focusable, hoverable days over the chart, and the tooltip of the one pointed at. */
export function ChartPoints({ geometry, size }: Props) {
  const { points, plot } = geometry;
  const last = points.length - 1;
  const [tabStop, setTabStop] = useState(last);
  const [focused, setFocused] = useState<number | undefined>();
  const [hovered, setHovered] = useState<number | undefined>();
  const [dismissed, setDismissed] = useState(false);
  const elements = useRef<Array<SVGGElement | null>>([]);

  const stop = Math.min(tabStop, last);
  const activeIndex = dismissed ? undefined : (hovered ?? focused);
  const active = activeIndex === undefined ? undefined : points[activeIndex];

  function onKeyDown(event: KeyboardEvent<SVGGElement>, index: number) {
    if (event.key === 'Escape') {
      setDismissed(true);
      return;
    }
    const step = STEPS[event.key];
    if (!step) return;
    event.preventDefault();
    const target = Math.max(0, Math.min(last, step(index, last)));
    setTabStop(target);
    elements.current[target]?.focus();
  }

  return (
    <>
      <svg
        viewBox={`0 0 ${size.width} ${size.height}`}
        style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', overflow: 'visible' }}
        role="group"
        aria-label="Risk by day. Use the arrow keys to move between days."
        onMouseLeave={() => setHovered(undefined)}
      >
        {points.map((point, index) => {
          const [left, right] = band(points, index, plot);
          return (
            <g
              key={point.day}
              ref={(element) => {
                elements.current[index] = element;
              }}
              role="img"
              aria-label={describePoint(point)}
              tabIndex={index === stop ? 0 : -1}
              style={{ outline: 'none' }}
              onFocus={() => {
                setTabStop(index);
                setFocused(index);
                setDismissed(false);
              }}
              onBlur={() => setFocused((current) => (current === index ? undefined : current))}
              onKeyDown={(event) => onKeyDown(event, index)}
              onMouseEnter={() => {
                setHovered(index);
                setDismissed(false);
              }}
            >
              <rect x={left} y={plot.top} width={right - left} height={plot.bottom - plot.top} fill="transparent" />
              {index === activeIndex && <ActiveMarker point={point} plot={plot} focused={index === focused} />}
            </g>
          );
        })}
      </svg>
      {active && <ChartTooltip point={active} size={size} />}
    </>
  );
}

/** The horizontal extent a day answers the pointer in: halfway to its neighbours. */
function band(points: ChartPoint[], index: number, plot: ChartGeometry['plot']): [number, number] {
  const point = points[index] as ChartPoint;
  const previous = points[index - 1];
  const next = points[index + 1];
  const left = previous ? (previous.x + point.x) / 2 : Math.min(point.x, plot.left) - 8;
  const right = next ? (point.x + next.x) / 2 : Math.max(point.x, plot.right) + 8;
  return [left, right];
}

function ActiveMarker({ point, plot, focused }: { point: ChartPoint; plot: ChartGeometry['plot']; focused: boolean }) {
  return (
    <g pointerEvents="none">
      <line
        x1={point.x}
        x2={point.x}
        y1={plot.top}
        y2={plot.bottom}
        stroke={CHART_COLORS.axis}
        strokeWidth={1}
        strokeDasharray="2 2"
      />
      {focused && (
        <rect
          x={point.x - 9}
          y={plot.top - 4}
          width={18}
          height={plot.bottom - plot.top + 8}
          rx={4}
          fill="none"
          stroke={CHART_COLORS.focus}
          strokeWidth={2}
        />
      )}
      <circle
        cx={point.x}
        cy={point.yPlanned}
        r={4}
        fill={CHART_COLORS.surface}
        stroke={CHART_COLORS.planned}
        strokeWidth={2}
      />
      <circle
        cx={point.x}
        cy={point.yNow}
        r={4.5}
        fill={CHART_COLORS.now}
        stroke={CHART_COLORS.surface}
        strokeWidth={1.5}
      />
    </g>
  );
}
