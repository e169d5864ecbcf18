import { Box, Stack, Text } from '@atlaskit/primitives';
import { useMemo, type CSSProperties } from 'react';
import type { RiskPoint } from '../../../../../src/domain/threat-model/risk-history';
import { ChartAxes } from './chart-axes';
import { CHART_COLORS, PLANNED_DASH, TOLERANCE_DASH } from './chart-colors';
import { CHART_SIZE, chartGeometry, type ChartGeometry } from './chart-geometry';
import { ChartLegend } from './chart-legend';
import { ChartPoints } from './chart-points';
import { describeRisk, formatRisk } from './risk-summary';

// A year of daily points is too dense for dots; a month or so is not.
const MAX_DOTS = 62;
const FRAME: CSSProperties = { position: 'relative', width: '100%', maxWidth: '960px' };
const DRAWING: CSSProperties = { display: 'block', width: '100%', height: 'auto', overflow: 'visible' };

interface Props {
  /** Daily points, oldest first. */
  history: RiskPoint[];
  /** The project's risk tolerance, drawn as a line across the chart. */
  tolerance?: number;
}

/** The project's risk over time: risk now as an area, planned risk as a dashed line. */
export function RiskChart({ history, tolerance }: Props) {
  const geometry = useMemo(() => chartGeometry(history, undefined, tolerance), [history, tolerance]);
  const summary = useMemo(
    () => `${describeRisk(history)}${tolerance === undefined ? '' : ` Tolerance ${formatRisk(tolerance)}.`}`,
    [history, tolerance],
  );

  if (geometry.points.length === 0) {
    return (
      <Box paddingBlock="space.100" testId="risk-chart-empty">
        <Text color="color.text.subtle">
          No risk history yet. The app records the project&apos;s risk every day, and whenever a mitigation task changes
          status.
        </Text>
      </Box>
    );
  }

  const { width, height } = CHART_SIZE;
  return (
    <Stack space="space.100">
      <div style={FRAME}>
        <svg
          role="img"
          aria-label={summary}
          viewBox={`0 0 ${width} ${height}`}
          style={DRAWING}
          data-testid="risk-chart"
        >
          <ChartAxes geometry={geometry} />
          <Series geometry={geometry} />
          <ToleranceLine geometry={geometry} />
        </svg>
        <ChartPoints geometry={geometry} size={CHART_SIZE} />
      </div>
      <ChartLegend tolerance={tolerance} />
    </Stack>
  );
}

/** The tolerance as a dotted line across the plot, labelled at its right end. */
function ToleranceLine({ geometry }: { geometry: ChartGeometry }) {
  const { tolerance, plot } = geometry;
  if (!tolerance) return null;
  return (
    <g data-testid="risk-chart-tolerance">
      <line
        x1={plot.left}
        x2={plot.right}
        y1={tolerance.y}
        y2={tolerance.y}
        stroke={CHART_COLORS.tolerance}
        strokeWidth={2}
        strokeDasharray={TOLERANCE_DASH}
      />
      <text x={plot.right} y={tolerance.y - 6} textAnchor="end" fontSize={12} fill={CHART_COLORS.label}>
        {`Tolerance ${formatRisk(tolerance.value)}`}
      </text>
    </g>
  );
}

function Series({ geometry }: { geometry: ChartGeometry }) {
  const dots = geometry.points.length <= MAX_DOTS;
  return (
    <g>
      {geometry.nowArea !== '' && (
        <path d={geometry.nowArea} fill={CHART_COLORS.now} fillOpacity={0.16} stroke="none" />
      )}
      <path d={geometry.nowLine} fill="none" stroke={CHART_COLORS.now} strokeWidth={2} strokeLinejoin="round" />
      <path
        d={geometry.plannedLine}
        fill="none"
        stroke={CHART_COLORS.planned}
        strokeWidth={2}
        strokeDasharray={PLANNED_DASH}
        strokeLinejoin="round"
      />
      {dots &&
        geometry.points.map((point) => (
          <g key={point.day}>
            <circle
              cx={point.x}
              cy={point.yPlanned}
              r={2.5}
              fill={CHART_COLORS.surface}
              stroke={CHART_COLORS.planned}
              strokeWidth={1.5}
            />
            <circle cx={point.x} cy={point.yNow} r={2.5} fill={CHART_COLORS.now} />
          </g>
        ))}
    </g>
  );
}
