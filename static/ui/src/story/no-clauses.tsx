import { Stack, Text } from '@atlaskit/primitives';

export function NoClauses() {
  return (
    <Stack space="space.050">
      <Text weight="medium">No WITHOUT clauses yet</Text>
      <Text as="p" color="color.text.subtle">
        Add what must not happen along the way, for example “WITHOUT having my card data stolen”.
      </Text>
    </Stack>
  );
}
