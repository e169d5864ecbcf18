import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { MitigationRow } from '../../../../src/contract';
import { PendingNotice } from '../common/pending-notice';
import { MitigationStatusLozenge } from '../mitigation/mitigation-status-lozenge';
import Lozenge from '@atlaskit/lozenge';
import { verificationFailed } from '../../../../src/domain/verification/verification-record';
import { strengthAgainst } from '../mitigation/strength';
import { TaskLink } from '../mitigation/task-link';
import { StrengthText } from '../mitigation/strength-text';

interface Props {
  mitigation: MitigationRow;
  /** The threat it is listed under: the strength shown is against this one. */
  threatId: string;
  canCreateTask: boolean;
  creatingTask: boolean;
  taskError: string | undefined;
  onCreateTask: () => void;
  /** Absent for people who cannot edit the threat model. */
  onEdit?: () => void;
}

/** One mitigation of a threat: title, strength against it, status, and its task or a way to create it. */
export function MitigationLine({
  mitigation,
  threatId,
  canCreateTask,
  creatingTask,
  taskError,
  onCreateTask,
  onEdit,
}: Props) {
  const strength = strengthAgainst(mitigation, threatId);
  return (
    <Box as="li" testId={`mitigation-${threatId}-${mitigation.id}`}>
      <Stack space="space.050">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Text color="color.text.subtlest">{mitigation.id}</Text>
          <Text weight="medium">{mitigation.title}</Text>
          {strength !== undefined && (
            <Text color="color.text.subtle">
              <StrengthText strength={strength} />
            </Text>
          )}
          <MitigationStatusLozenge status={mitigation.status} />
          {verificationFailed(mitigation) && <Lozenge appearance="removed">Verification failed</Lozenge>}
          {mitigation.task && <TaskLink task={mitigation.task} />}
          {canCreateTask && (
            <Button
              spacing="compact"
              aria-label={`Create task for ${mitigation.id}`}
              isDisabled={creatingTask}
              onClick={onCreateTask}
            >
              {creatingTask ? 'Creating task…' : 'Create task'}
            </Button>
          )}
          {onEdit && (
            <Button appearance="subtle" spacing="compact" aria-label={`Edit ${mitigation.id}`} onClick={onEdit}>
              Edit
            </Button>
          )}
        </Inline>
        {mitigation.status === 'rejected' && mitigation.rejectionReason !== '' && (
          <Text size="small" color="color.text.subtle">
            Rejected: {mitigation.rejectionReason}
          </Text>
        )}
        {canCreateTask && <PendingNotice pending={creatingTask} label="" />}
        {taskError !== undefined && (
          <Text size="small" color="color.text.danger">
            <span role="alert">{taskError}</span>
          </Text>
        )}
      </Stack>
    </Box>
  );
}
