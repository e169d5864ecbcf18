import { MitigationSummary } from '../mitigation/mitigation-summary';
import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { MitigationView } from '../../../../src/contract';
import { PendingNotice } from '../common/pending-notice';
import { useFocusOnRequest } from '../common/focus-request';
import { needsTask } from '../mitigation/strength';
import { TaskLink } from '../mitigation/task-link';

const itemStyles = xcss({ margin: 'space.0' });

export const editMitigationKey = (scope: string, threatId: string, mitigationId: string) =>
  `edit-mitigation:${scope}:${threatId}:${mitigationId}`;

interface Props {
  mitigation: MitigationView;
  /** Where the threat is listed, for focus keys. */
  scope: string;
  /** The threat it is listed under: the strength shown is against this one. */
  threatId: string;
  canEdit: boolean;
  canCreateTasks: boolean;
  creatingTask: boolean;
  taskError: string | undefined;
  onCreateTask: () => void;
  onEdit: () => void;
}

/** One mitigation of a threat, in a line: title, strength, status, and its task or a way to create it. */
export function MitigationItem({
  mitigation,
  scope,
  threatId,
  canEdit,
  canCreateTasks,
  creatingTask,
  taskError,
  onCreateTask,
  onEdit,
}: Props) {
  const canCreate = canCreateTasks && needsTask(mitigation);
  const editRef = useFocusOnRequest<HTMLButtonElement>(editMitigationKey(scope, threatId, mitigation.id));

  return (
    <Box as="li" xcss={itemStyles} testId={`mitigation-${threatId}-${mitigation.id}`}>
      <Stack space="space.025">
        <Inline space="space.075" alignBlock="center" shouldWrap>
          <MitigationSummary mitigation={mitigation} threatId={threatId} />
          {mitigation.task && <TaskLink task={mitigation.task} />}
          {canCreate && (
            <Button
              appearance="default"
              spacing="compact"
              aria-label={`Create task for ${mitigation.id}`}
              isDisabled={creatingTask}
              onClick={onCreateTask}
            >
              {creatingTask ? 'Creating task…' : 'Create task'}
            </Button>
          )}
          {canEdit && (
            <Button
              ref={editRef}
              appearance="subtle"
              spacing="compact"
              aria-label={`Edit ${mitigation.id}`}
              onClick={onEdit}
            >
              Edit
            </Button>
          )}
        </Inline>
        {canCreate && <PendingNotice pending={creatingTask} label="" />}
        {taskError !== undefined && (
          <Text size="small" color="color.text.danger" as="p">
            <span role="alert">{taskError}</span>
          </Text>
        )}
      </Stack>
    </Box>
  );
}
