import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { WithoutClause } from '../../../../src/domain/without-clause';

// Fallbacks keep the panel legible when the host has not (yet) loaded the theme's CSS variables.
const LIST_STYLE = {
  display: 'flex',
  flexDirection: 'column',
  gap: token('space.100', '8px'),
  listStyle: 'none',
  margin: 0,
  padding: 0,
} as const;
const ITEM_STYLE = {
  margin: 0,
  border: `1px solid ${token('color.border', '#091E4224')}`,
  borderRadius: token('radius.medium', '6px'),
};

export function ClauseList({ clauses }: { clauses: WithoutClause[] }) {
  return (
    <Box as="ul" style={LIST_STYLE}>
      {clauses.map((clause) => (
        <ClauseItem key={clause.id} clause={clause} />
      ))}
    </Box>
  );
}

function ClauseItem({ clause }: { clause: WithoutClause }) {
  return (
    <Box as="li" padding="space.150" style={ITEM_STYLE}>
      <Stack space="space.100">
        <Text as="p">
          <Text weight="bold">WITHOUT</Text> {clause.text}
        </Text>
        {clause.threatIds.length > 0 && (
          <Inline space="space.050" shouldWrap>
            {clause.threatIds.map((threatId) => (
              <Lozenge key={threatId} appearance="moved">
                {threatId}
              </Lozenge>
            ))}
          </Inline>
        )}
      </Stack>
    </Box>
  );
}
