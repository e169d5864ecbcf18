import { Stack, Text } from '@atlaskit/primitives';
import type { ThreatRow } from '../../../../src/contract';
import { formatRisk } from './risk-chart/risk-summary';

/** What is left of a threat's severity now: "5 / 20", or "0 / 20 ✓ fully mitigated"; and once planned work is done. */
export function ResidualRisk({ threat }: { threat: ThreatRow }) {
  const { residual, planned, fullyMitigated } = threat.risk;
  return (
    <Stack space="space.0">
      <Text color={fullyMitigated ? 'color.text.success' : undefined} weight={fullyMitigated ? 'medium' : undefined}>
        {formatRisk(residual)} / {formatRisk(threat.severity.score)}
        {fullyMitigated && (
          <>
            {' '}
            <span aria-hidden="true">✓</span> fully mitigated
          </>
        )}
      </Text>
      {planned < residual && (
        <Text size="small" color="color.text.subtlest">
          planned {formatRisk(planned)}
        </Text>
      )}
    </Stack>
  );
}
