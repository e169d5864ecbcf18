import { Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';
import { formatDay } from './chart-dates';
import type { ChartPoint, ChartSize } from './chart-geometry';
import { formatRisk } from './risk-summary';

interface Props {
  point: ChartPoint;
  size: ChartSize;
}

const SURFACE: CSSProperties = {
  position: 'absolute',
  pointerEvents: 'none',
  whiteSpace: 'nowrap',
  zIndex: 1,
  padding: token('space.100', '8px'),
  borderRadius: token('radius.small', '4px'),
  background: token('elevation.surface.overlay', '#FFFFFF'),
  boxShadow: token('elevation.shadow.overlay', '0px 8px 12px #091E4226, 0px 0px 1px #091E424F'),
};

/** Date, risk now, risk once planned work is done and, on audit days, story coverage of one day, above its point. The point's own name says the same to screen readers. */
export function ChartTooltip({ point, size }: Props) {
  const across = point.x / size.width;
  const style: CSSProperties = {
    ...SURFACE,
    left: `${across * 100}%`,
    top: `${(Math.min(point.yNow, point.yPlanned) / size.height) * 100}%`,
    // Centred in the middle of the chart and sliding towards its edge near either end, so it stays over the chart.
    transform: `translate(${-across * 100}%, calc(-100% - 12px))`,
  };
  return (
    <div role="tooltip" style={style}>
      <Stack space="space.025">
        <Text weight="semibold" size="small">
          {formatDay(point.day)}
        </Text>
        <Text size="small">Risk now: {formatRisk(point.now)}</Text>
        <Text size="small">Once planned work is done: {formatRisk(point.planned)}</Text>
        {point.coverage !== undefined && <Text size="small">Story coverage (audit): {point.coverage}%</Text>}
      </Stack>
    </div>
  );
}
