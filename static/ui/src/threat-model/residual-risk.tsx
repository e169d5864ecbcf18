import { Stack } from '@atlaskit/primitives';
import type { ThreatListRow } from '../../../../src/contract';
import { CellText } from '../common/cell-text';
import { Explained } from '../common/explained';
import { ONCE_PLANNED, RISK_HELP } from '../common/risk-words';
import { formatRisk } from './risk-chart/risk-summary';

/**
 * What is left of a threat's severity now: "5 / 20", or "0 / 20 ✓ fully mitigated"; and what is
 * left once planned work is done, each explained on hover and focus.
 */
export function ResidualRisk({ threat }: { threat: ThreatListRow }) {
  const { residual, planned, fullyMitigated } = threat.risk;
  return (
    <Stack space="space.0">
      <CellText look={fullyMitigated ? 'success' : 'body'}>
        <Explained help={RISK_HELP.residual}>
          {formatRisk(residual)} / {formatRisk(threat.severity.score)}
        </Explained>
        {fullyMitigated && (
          <>
            {' '}
            <span aria-hidden="true">✓</span> fully mitigated
          </>
        )}
      </CellText>
      {planned < residual && (
        <CellText look="small">
          <Explained help={RISK_HELP.oncePlanned}>
            {formatRisk(planned)} {ONCE_PLANNED}
          </Explained>
        </CellText>
      )}
    </Stack>
  );
}
