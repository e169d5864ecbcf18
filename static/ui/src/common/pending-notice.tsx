import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { ReactNode } from 'react';
import type { ChangeFailure } from './patient-change';
import { SLOW_MESSAGE, useSlow } from './patient-change';

interface PendingProps {
  pending: boolean;
  /** What shows while the change is under way: "Saving…", "Creating the task…". */
  label?: string;
}

/**
 * Placed next to the control that started a change: a polite live region (always there, so a
 * screen reader hears what changes in it) that says "Saving…", and after a few seconds that
 * Jira is slow and the app is still trying, in text as large as the control's.
 */
export function PendingNotice({ pending, label = 'Saving…' }: PendingProps) {
  const slow = useSlow(pending);
  return (
    <Box role="status" aria-live="polite">
      {slow ? (
        <Text as="p" color="color.text.warning">
          {SLOW_MESSAGE}
        </Text>
      ) : (
        <Text size="small" color="color.text.subtlest">
          {pending ? label : ''}
        </Text>
      )}
    </Box>
  );
}

interface FailureProps {
  failure: ChangeFailure;
  /** The sentence before the reason: "Could not save the clauses". */
  title: string;
  disabled?: boolean;
  /** More actions after Retry (Reload, Cancel). */
  children?: ReactNode;
}

/** A change that failed, why, and Retry, which sends the same change again. */
export function RetryableFailure({ failure, title, disabled = false, children }: FailureProps) {
  return (
    <Box role="alert">
      <Stack space="space.075">
        <Text as="p" color="color.text.danger">
          {title}: {failure.error.message}
        </Text>
        <Inline space="space.100">
          <Button isDisabled={disabled} onClick={failure.retry}>
            Retry
          </Button>
          {children}
        </Inline>
      </Stack>
    </Box>
  );
}
