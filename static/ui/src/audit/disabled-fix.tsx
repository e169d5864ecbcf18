import Button from '@atlaskit/button/new';
import { Stack, Text } from '@atlaskit/primitives';
import { useId } from 'react';

/**
 * A fix the person may not apply: its button, disabled, with the reason under it (and as its
 * description, so a screen reader says why), instead of a control that fails when pressed.
 */
export function DisabledFix({ label, reason }: { label: string; reason: string }) {
  const reasonId = useId();
  return (
    <Stack space="space.050" alignInline="start">
      <Button isDisabled aria-describedby={reasonId}>
        {label}
      </Button>
      <Text size="small" color="color.text.subtle" id={reasonId}>
        {reason}
      </Text>
    </Stack>
  );
}

/** Why a person who may not edit the threat model cannot apply a fix that edits it. */
export const threatModelReason = (projectKey: string, what: string) =>
  `You can’t edit ${projectKey}’s threat model, so you can’t ${what} here: project administrators and the roles named in the app’s settings can.`;
