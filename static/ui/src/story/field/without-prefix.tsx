import { Box, Text, xcss } from '@atlaskit/primitives';

const prefixStyles = xcss({ whiteSpace: 'nowrap' });

/** "WITHOUT" in front of a clause's text field, as the clause reads in the story. */
export function WithoutPrefix() {
  return (
    <Box paddingInlineStart="space.100" xcss={prefixStyles}>
      <Text weight="bold">WITHOUT</Text>
    </Box>
  );
}
