import Heading from '@atlaskit/heading';
import { Stack, Text } from '@atlaskit/primitives';
import type { ThreatModelView } from '../../../../src/contract';
import { Explained } from '../common/explained';
import { ONCE_PLANNED, RISK_HELP } from '../common/risk-words';
import { RiskChart } from './risk-chart/risk-chart';
import { formatRisk } from './risk-chart/risk-summary';

/**
 * "Project risk now 95 (75 once planned work is done, 140 before mitigations)", each number
 * explained on hover and focus, and how it went over time.
 */
export function ProjectRisk({ risk, history }: Pick<ThreatModelView, 'risk' | 'history'>) {
  return (
    <Stack space="space.150">
      <Heading size="small" as="h2">
        <span data-testid="project-risk">
          <Explained help={RISK_HELP.projectRisk}>Project risk</Explained> now {formatRisk(risk.now)}{' '}
          <Text color="color.text.subtle" weight="regular">
            (
            <Explained help={RISK_HELP.oncePlanned}>
              {formatRisk(risk.planned)} {ONCE_PLANNED}
            </Explained>
            , <Explained help={RISK_HELP.beforeMitigations}>{formatRisk(risk.inherent)} before mitigations</Explained>)
          </Text>
        </span>
      </Heading>
      <RiskChart history={history} />
    </Stack>
  );
}
