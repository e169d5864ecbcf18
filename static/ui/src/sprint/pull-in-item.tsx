import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { Fragment } from 'react';
import type { PullInItem, SprintPlanView } from '../../../../src/contract';
import { IssueLink } from '../common/issue-link';
import { TaskLink } from '../mitigation/task-link';
import { formatRisk } from '../mitigation/threat-risk-text';
import { ThreatChip } from '../threat-model/threat-chip';
import { Explained } from '../common/explained';
import { RISK_HELP } from '../common/risk-words';
import { placeText } from './task-place';

const itemStyles = xcss({
  margin: 'space.0',
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.100',
});
const growStyles = xcss({ flexGrow: 1, minWidth: '0' });

export interface PullInItemProps {
  item: PullInItem;
  /** The other sprint's name, when the task is in one. */
  otherSprintName: string | undefined;
  threats: SprintPlanView['threats'];
  /** Undefined when the person may not act on it: no checkbox, no button. */
  action:
    | {
        selected: boolean;
        disabled: boolean;
        running: boolean;
        onSelect: (selected: boolean) => void;
        onAdd: () => void;
      }
    | undefined;
  /** Why there is no action although others have one. */
  note?: string;
}

/** One piece of security work a planned story needs: what it removes, for whom, where it is, and the way to pull it in. */
export function PullInItemRow({ item, otherSprintName, threats, action, note }: PullInItemProps) {
  const creates = item.place === 'not-created';
  const label = creates ? 'Create task and add' : 'Add to sprint';
  return (
    <Box as="li" xcss={itemStyles} testId={`pull-in-${item.mitigationId}`}>
      <Inline space="space.100" alignBlock="start">
        {action && (
          <Checkbox
            aria-label={`Select ${item.mitigationId}`}
            isChecked={action.selected}
            isDisabled={action.disabled}
            onChange={(event) => action.onSelect(event.currentTarget.checked)}
          />
        )}
        <Box xcss={growStyles}>
          <Stack space="space.050">
            <Inline space="space.075" alignBlock="center" shouldWrap>
              <Text size="small" color="color.text.subtlest">
                {item.mitigationId}
              </Text>
              <Text weight="medium">{item.title}</Text>
              <Explained help={RISK_HELP.removes}>
                <Lozenge appearance="success">{`removes ${formatRisk(item.riskRemoved)}`}</Lozenge>
              </Explained>
            </Inline>
            <Inline space="space.075" alignBlock="center" shouldWrap>
              {item.threatIds.map((threatId) => (
                <ThreatChip key={threatId} threatId={threatId} threat={threats[threatId]} />
              ))}
              {item.storyKeys.length > 0 && (
                <Text size="small" color="color.text.subtle">
                  Needed by{' '}
                  {item.storyKeys.map((key, index) => (
                    <Fragment key={key}>
                      {index > 0 && ', '}
                      <IssueLink issueKey={key} />
                    </Fragment>
                  ))}
                  {item.storyCount > item.storyKeys.length &&
                    ` and ${(item.storyCount - item.storyKeys.length).toLocaleString('en-US')} more`}
                </Text>
              )}
            </Inline>
            <Inline space="space.075" alignBlock="center" shouldWrap>
              <Text size="small" color={creates ? 'color.text.warning' : 'color.text.subtle'}>
                {placeText(item.place, otherSprintName)}
              </Text>
              {item.task && <TaskLink task={item.task} />}
            </Inline>
            {note && (
              <Text size="small" color="color.text.subtlest">
                {note}
              </Text>
            )}
          </Stack>
        </Box>
        {action && (
          <Button
            appearance={creates ? 'default' : 'primary'}
            spacing="compact"
            aria-label={`${label}: ${item.mitigationId}`}
            isDisabled={action.disabled}
            onClick={action.onAdd}
          >
            {action.running ? (creates ? 'Creating…' : 'Adding…') : label}
          </Button>
        )}
      </Inline>
    </Box>
  );
}
