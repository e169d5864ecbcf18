import { Explained } from '../../common/explained';
import { RISK_HELP } from '../../common/risk-words';
import { Inline, Text } from '@atlaskit/primitives';
import { CHART_COLORS, PLANNED_DASH } from './chart-colors';

function Swatch({ dashed }: { dashed: boolean }) {
  const color = dashed ? CHART_COLORS.planned : CHART_COLORS.now;
  return (
    <svg width="24" height="12" viewBox="0 0 24 12" aria-hidden="true" focusable="false">
      {!dashed && <rect x="0" y="6" width="24" height="6" fill={color} fillOpacity={0.16} />}
      <line
        x1="0"
        x2="24"
        y1="6"
        y2="6"
        stroke={color}
        strokeWidth={2}
        strokeDasharray={dashed ? PLANNED_DASH : undefined}
      />
    </svg>
  );
}

export function ChartLegend() {
  return (
    <Inline space="space.200" alignBlock="center" shouldWrap testId="risk-chart-legend">
      <Inline space="space.075" alignBlock="center">
        <Swatch dashed={false} />
        <Text size="small">Risk now</Text>
      </Inline>
      <Inline space="space.075" alignBlock="center">
        <Swatch dashed />
        <Text size="small">
          <Explained help={RISK_HELP.oncePlanned}>Once planned work is done</Explained> (planned and in-progress
          mitigations implemented)
        </Text>
      </Inline>
    </Inline>
  );
}
