import { Explained } from '../../common/explained';
import { RISK_HELP } from '../../common/risk-words';
import { Inline, Text } from '@atlaskit/primitives';
import { CHART_COLORS, PLANNED_DASH, TOLERANCE_DASH } from './chart-colors';
import { formatRisk } from './risk-summary';

function Swatch({ dashed, tolerance = false }: { dashed: boolean; tolerance?: boolean }) {
  const color = tolerance ? CHART_COLORS.tolerance : dashed ? CHART_COLORS.planned : CHART_COLORS.now;
  const dash = tolerance ? TOLERANCE_DASH : dashed ? PLANNED_DASH : undefined;
  return (
    <svg width="24" height="12" viewBox="0 0 24 12" aria-hidden="true" focusable="false">
      {!dashed && !tolerance && <rect x="0" y="6" width="24" height="6" fill={color} fillOpacity={0.16} />}
      <line x1="0" x2="24" y1="6" y2="6" stroke={color} strokeWidth={2} strokeDasharray={dash} />
    </svg>
  );
}

export function ChartLegend({ tolerance }: { tolerance?: number | undefined }) {
  return (
    <Inline space="space.200" alignBlock="center" shouldWrap testId="risk-chart-legend">
      <Inline space="space.075" alignBlock="center">
        <Swatch dashed={false} />
        <Text size="small">Risk now</Text>
      </Inline>
      <Inline space="space.075" alignBlock="center">
        <Swatch dashed />
        <Text size="small">
          <Explained help={RISK_HELP.oncePlanned}>Once planned work is done</Explained>
        </Text>
      </Inline>
      {tolerance !== undefined && (
        <Inline space="space.075" alignBlock="center">
          <Swatch dashed tolerance />
          <Text size="small">
            <Explained help={RISK_HELP.tolerance}>Tolerance</Explained> {formatRisk(tolerance)}
          </Text>
        </Inline>
      )}
    </Inline>
  );
}
