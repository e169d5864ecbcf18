import { Box, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';
import type { ShownIssueValue } from '../../../../src/contract';

// Long values scroll inside the box, and long words wrap: the row never grows wider than the frame.
const RAW: CSSProperties = {
  margin: 0,
  maxHeight: '12em',
  overflow: 'auto',
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
  fontFamily: token('font.family.code', 'monospace'),
  fontSize: '12px',
  background: token('color.background.neutral', '#F1F2F4'),
  padding: token('space.100', '8px'),
  borderRadius: token('radius.small', '3px'),
};

/** A value exactly as Jira holds it: what the person looks at before a fix writes over it. */
export function RawValue({
  label,
  value,
  whole = 'the fix names the whole value',
}: {
  label: string;
  value: ShownIssueValue;
  /** Where the rest of a value cut short is: said under it. */
  whole?: string;
}) {
  return (
    <Stack space="space.050">
      <Text size="small" weight="medium">
        {label}
      </Text>
      {value.text === null ? (
        <Text size="small" color="color.text.subtle">
          None: the issue has no such value.
        </Text>
      ) : (
        <Box>
          <pre style={RAW} aria-label={label} tabIndex={0}>
            {value.text}
          </pre>
          {value.truncated && (
            <Text size="small" color="color.text.subtle">
              {`Only the beginning is shown; ${whole}.`}
            </Text>
          )}
        </Box>
      )}
    </Stack>
  );
}
