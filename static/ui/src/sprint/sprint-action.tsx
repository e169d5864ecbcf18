import Button from '@atlaskit/button/new';
import { Box, Inline, Stack } from '@atlaskit/primitives';
import { view } from '@forge/bridge';
import { SprintPlan } from './sprint-plan';

function close(): void {
  // A host that cannot close the modal leaves it to its own close control.
  void view.close().catch(() => undefined);
}

/** The sprint action in the backlog (module `sprint-security`), opened as a modal from a sprint card. */
export function SprintAction() {
  return (
    <Box padding="space.200">
      <Stack space="space.200">
        <SprintPlan />
        <Inline alignInline="end">
          <Button appearance="subtle" onClick={close}>
            Close
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}
