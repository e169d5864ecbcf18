import { CHART_COLORS } from './chart-colors';
import type { ChartGeometry } from './chart-geometry';
import { formatRisk } from './risk-summary';

const LABEL = { fontSize: 12, fill: CHART_COLORS.label };

/** Gridlines with the values on the left, and the date ticks below the plot. */
export function ChartAxes({ geometry }: { geometry: ChartGeometry }) {
  const { plot } = geometry;
  return (
    <g>
      {geometry.valueTicks.map((tick) => (
        <g key={tick.value}>
          <line
            x1={plot.left}
            x2={plot.right}
            y1={tick.y}
            y2={tick.y}
            stroke={tick.value === 0 ? CHART_COLORS.axis : CHART_COLORS.grid}
            strokeWidth={1}
          />
          <text x={plot.left - 8} y={tick.y} textAnchor="end" dominantBaseline="middle" {...LABEL}>
            {formatRisk(tick.value)}
          </text>
        </g>
      ))}
      {geometry.dateTicks.map((tick) => (
        <g key={tick.day}>
          <line
            x1={tick.x}
            x2={tick.x}
            y1={plot.bottom}
            y2={plot.bottom + 4}
            stroke={CHART_COLORS.axis}
            strokeWidth={1}
          />
          <text x={tick.x} y={plot.bottom + 18} textAnchor="middle" {...LABEL}>
            {tick.label}
          </text>
        </g>
      ))}
    </g>
  );
}
