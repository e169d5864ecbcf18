import Heading from '@atlaskit/heading';
import { Stack, Text } from '@atlaskit/primitives';
import type { ThreatModelView } from '../../../../src/contract';
import { RiskChart } from './risk-chart/risk-chart';
import { formatRisk } from './risk-chart/risk-summary';

/** "Project risk now 95 (planned 75, before mitigations 140)", and how it went over time. */
export function ProjectRisk({ risk, history }: Pick<ThreatModelView, 'risk' | 'history'>) {
  return (
    <Stack space="space.150">
      <Heading size="small" as="h2">
        <span data-testid="project-risk">
          Project risk now {formatRisk(risk.now)}{' '}
          <Text color="color.text.subtle" weight="regular">
            (planned {formatRisk(risk.planned)}, before mitigations {formatRisk(risk.inherent)})
          </Text>
        </span>
      </Heading>
      <RiskChart history={history} />
    </Stack>
  );
}
