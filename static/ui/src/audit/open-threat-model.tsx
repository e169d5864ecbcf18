import Button from '@atlaskit/button/new';
import { Stack, Text } from '@atlaskit/primitives';
import { createContext, useContext } from 'react';

/** Shows the project page's Threat model tab; absent where the audit is shown without it. */
export const OpenThreatModelTab = createContext<(() => void) | undefined>(undefined);

/**
 * The fix for a threat model the app cannot read whole: the Threat model tab names each part it
 * could not read. The app never writes over them (DESIGN: never overwrite what cannot be read),
 * so it says who can: a Jira administrator, through Jira's REST API.
 */
export function ModelProblemFix({ label }: { label: string }) {
  const open = useContext(OpenThreatModelTab);
  return (
    <Stack space="space.050" alignInline="start">
      {open ? <Button onClick={open}>{label}</Button> : <Text size="small">{label}</Text>}
      <Text size="small" color="color.text.subtle">
        The Threat model tab names each part it could not read. The app never writes over them, and edits keep them as
        they are: a Jira administrator restores or deletes them through Jira’s REST API.
      </Text>
    </Stack>
  );
}
