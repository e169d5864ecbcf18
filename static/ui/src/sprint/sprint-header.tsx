import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { SprintPlanView } from '../../../../src/contract';
import { formatRisk } from '../mitigation/threat-risk-text';
import { Explained } from '../common/explained';
import { AFTER_SPRINT, ONCE_PLANNED, RISK_HELP } from '../common/risk-words';

const STATES = {
  active: { label: 'Active', appearance: 'inprogress' },
  future: { label: 'Future', appearance: 'new' },
  closed: { label: 'Closed', appearance: 'default' },
} as const;

const LOWER_STYLE = { color: token('color.text.success', '#216E4E') };

/** The sprint's name, state and goal, and what it does to the project's risk. */
export function SprintHeader({ sprint, risk }: Pick<SprintPlanView, 'sprint' | 'risk'>) {
  const state = STATES[sprint.state];
  return (
    <Stack space="space.100">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Heading size="medium" as="h2">
          {sprint.name}
        </Heading>
        <Lozenge appearance={state.appearance}>{state.label}</Lozenge>
      </Inline>
      {sprint.goal.trim() && (
        <Text as="p" color="color.text.subtle">
          Goal: {sprint.goal}
        </Text>
      )}
      <Stack space="space.025">
        <Heading size="small" as="h3">
          <span data-testid="sprint-risk">
            <Explained help={RISK_HELP.projectRisk}>Risk now</Explained> {formatRisk(risk.now)}{' '}
            <span aria-hidden="true">→</span>{' '}
            <span style={risk.afterSprint < risk.now ? LOWER_STYLE : undefined}>
              <Explained help={RISK_HELP.afterSprint}>
                {AFTER_SPRINT} {formatRisk(risk.afterSprint)}
              </Explained>
            </span>
            {risk.planned !== undefined && (
              <Text color="color.text.subtle" weight="regular">
                {' '}
                (
                <span data-testid="sprint-planned-risk">
                  <Explained help={RISK_HELP.oncePlanned}>
                    {formatRisk(risk.planned)} {ONCE_PLANNED}
                  </Explained>
                </span>
                )
              </Text>
            )}
          </span>
        </Heading>
        <Text size="small" color="color.text.subtlest">
          After this sprint: once the security tasks in this sprint are done, started or not. Once planned work is done:
          also the tasks in other open sprints and the mitigations marked planned or in progress, the same figure as the
          project page.
        </Text>
        {risk.tolerance !== undefined && risk.now > risk.tolerance && (
          <Text as="p" color="color.text.warning" testId="sprint-above-tolerance">
            <span aria-hidden="true">⚠</span> Risk now is above the project’s{' '}
            <Explained help={RISK_HELP.tolerance}>tolerance of {formatRisk(risk.tolerance)}</Explained>
            {risk.afterSprint <= risk.tolerance
              ? '; this sprint brings it within.'
              : '; still above after this sprint.'}
          </Text>
        )}
      </Stack>
    </Stack>
  );
}
