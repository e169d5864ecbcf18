import { Box, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { PullInItem, SprintPlanView } from '../../../../src/contract';
import { afterSprintWith } from '../../../../src/domain/sprint/after-sprint-preview';
import { Explained } from '../common/explained';
import { AFTER_SPRINT, RISK_HELP } from '../common/risk-words';
import { formatRisk } from '../mitigation/threat-risk-text';

const LOWER_STYLE = { color: token('color.text.success', '#216E4E') };

/**
 * The risk after the sprint with the ticked work pulled in too, before anyone presses Add: the
 * number the header shows once it is in (the same arithmetic, afterSprintWith).
 */
export function AfterSprintPreview({ risk, selected }: { risk: SprintPlanView['risk']; selected: PullInItem[] }) {
  const after = afterSprintWith(risk.afterSprint, selected);
  const n = selected.length;
  // Compared as shown: a difference below the one decimal shown is no difference to the reader.
  const lower = formatRisk(after) !== formatRisk(risk.afterSprint);
  return (
    <Box testId="pull-in-preview">
      <Text color={n === 0 ? 'color.text.subtle' : 'color.text'}>
        <span aria-live="polite">
          {n === 0 ? (
            'Tick work to see the risk after this sprint with it.'
          ) : (
            <>
              <Explained help={RISK_HELP.afterSprint}>{`Risk ${AFTER_SPRINT}`}</Explained>
              {` with the ${n} selected: `}
              <strong style={lower ? LOWER_STYLE : undefined}>{formatRisk(after)}</strong>
              {lower ? `, down from ${formatRisk(risk.afterSprint)}` : ', the same as without them'}
              {toleranceNote(after, risk)}
            </>
          )}
        </span>
      </Text>
    </Box>
  );
}

/** Where the previewed risk stands against the project's tolerance, when it has one. */
function toleranceNote(after: number, { afterSprint, tolerance }: SprintPlanView['risk']): string {
  if (tolerance === undefined) return '.';
  if (after > tolerance) return `; still above the project’s tolerance of ${formatRisk(tolerance)}.`;
  return afterSprint > tolerance ? ': within the project’s tolerance.' : '.';
}
