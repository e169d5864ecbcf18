import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { useState } from 'react';
import type { DetectionEventEdit } from '../../../../src/contract';
import type { ThreatsWithoutEvents } from '../../../../src/domain/monitoring/monitoring-view';
import { AddEvent } from './monitored-threat';

interface Props {
  groups: ThreatsWithoutEvents[];
  canEdit: boolean;
  changeEvent: (edit: DetectionEventEdit) => Promise<string | undefined>;
}

/** Active threats the view knows no detection events for, one list per reason; editors add one by hand. */
export function ThreatsWithoutEventsList({ groups, canEdit, changeEvent }: Props) {
  const [editing, setEditing] = useState<string | undefined>();
  if (groups.length === 0) return null;
  const change = async (edit: DetectionEventEdit) => {
    const error = await changeEvent(edit);
    if (error === undefined) setEditing(undefined);
    return error;
  };
  return (
    <Box as="section" aria-labelledby="monitoring-without-events" testId="monitoring-without-events">
      <Stack space="space.100">
        <Heading size="xxsmall" as="h3" id="monitoring-without-events">
          Active threats without known detection events
        </Heading>
        {groups.map((group) => (
          <Stack key={group.text} space="space.075">
            <Text>{group.text}</Text>
            <Box as="ul" style={{ margin: 0 }}>
              {group.threats.map((t) => (
                <Box as="li" key={t.id} testId={`without-events-${t.id}`}>
                  <Stack space="space.075">
                    <Inline space="space.100" alignBlock="center" shouldWrap>
                      <Text>
                        {`${t.id} ${t.title}`}{' '}
                        <Text color="color.text.subtle">{`(${t.severity.band} ${t.severity.score})`}</Text>
                      </Text>
                    </Inline>
                    {canEdit && (
                      <AddEvent
                        threatId={t.id}
                        open={editing === t.id}
                        setEditing={(next) => setEditing(next === 'new' ? t.id : next)}
                        change={change}
                        base={{ threatId: t.id, baseRevision: t.revision }}
                      />
                    )}
                  </Stack>
                </Box>
              ))}
            </Box>
          </Stack>
        ))}
      </Stack>
    </Box>
  );
}
