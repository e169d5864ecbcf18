import { Box, Inline } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';

export function Loading({ label }: { label: string }) {
  return (
    <Box padding="space.300">
      <Inline alignInline="center">
        <Spinner size="medium" label={label} />
      </Inline>
    </Box>
  );
}
