import Heading from '@atlaskit/heading';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { ThreatsWithoutEvents } from '../../../../src/domain/monitoring/monitoring-view';

/** Active threats the view knows no detection events for, one line per reason. */
export function ThreatsWithoutEventsList({ groups }: { groups: ThreatsWithoutEvents[] }) {
  if (groups.length === 0) return null;
  return (
    <Box as="section" aria-labelledby="monitoring-without-events" testId="monitoring-without-events">
      <Stack space="space.075">
        <Heading size="xxsmall" as="h3" id="monitoring-without-events">
          Active threats without known detection events
        </Heading>
        <Box as="ul">
          {groups.map((group) => (
            <Box as="li" key={group.text}>
              <Text>{group.text} </Text>
              <Text color="color.text.subtle">
                {group.threats.map((t, i) => (
                  <span key={t.id} title={`${t.title} (${t.severity.band} ${t.severity.score})`}>
                    {i > 0 ? ', ' : ''}
                    {t.id}
                  </span>
                ))}
              </Text>
            </Box>
          ))}
        </Box>
      </Stack>
    </Box>
  );
}
