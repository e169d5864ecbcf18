import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { Stack, Text } from '@atlaskit/primitives';
import type { ThreatModelView } from '../../../../src/contract';
import { Explained } from '../common/explained';
import { ONCE_PLANNED, RISK_HELP } from '../common/risk-words';
import { RiskChart } from './risk-chart/risk-chart';
import { formatRisk } from './risk-chart/risk-summary';

/**
 * "Project risk now 95 (75 once planned work is done, 140 before mitigations)", each number
 * explained on hover and focus, the tolerance (and a warning above it), and how it went over time.
 */
export function ProjectRisk({ risk, history, riskPolicy }: Pick<ThreatModelView, 'risk' | 'history' | 'riskPolicy'>) {
  return (
    <Stack space="space.150">
      <Heading size="small" as="h2">
        <span data-testid="project-risk">
          <Explained help={RISK_HELP.projectRisk}>Project risk</Explained> now {formatRisk(risk.now)}{' '}
          <Text color="color.text.subtle" weight="regular">
            (
            <span data-testid="project-planned-risk">
              <Explained help={RISK_HELP.oncePlanned}>
                {formatRisk(risk.planned)} {ONCE_PLANNED}
              </Explained>
            </span>
            , <Explained help={RISK_HELP.beforeMitigations}>{formatRisk(risk.inherent)} before mitigations</Explained>;{' '}
            <Explained help={RISK_HELP.tolerance}>tolerance {formatRisk(riskPolicy.tolerance)}</Explained>)
          </Text>
        </span>
      </Heading>
      {riskPolicy.aboveTolerance && <AboveTolerance now={risk.now} riskPolicy={riskPolicy} />}
      <RiskChart history={history} tolerance={riskPolicy.tolerance} />
    </Stack>
  );
}

function AboveTolerance({ now, riskPolicy }: { now: number; riskPolicy: ThreatModelView['riskPolicy'] }) {
  return (
    <SectionMessage appearance="warning" title="Project risk is above its tolerance" testId="above-tolerance">
      <Text as="p">
        Risk now {formatRisk(now)} is above the tolerance of {formatRisk(riskPolicy.tolerance)} (
        {riskPolicy.settings.tolerance === null ? `the default of ${riskPolicy.tierLabel}` : 'set in the settings'}).
        Mitigate the threats with the most residual risk, or accept the risk of those the product owner deems
        acceptable.
      </Text>
    </SectionMessage>
  );
}
