import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { MitigationRow, ThreatRow } from '../../../../src/contract';
import { needsTask } from '../mitigation/strength';
import { MitigationLine } from './mitigation-line';
import type { TaskCreation } from './use-task-creation';

const listStyles = xcss({
  listStyle: 'none',
  margin: 'space.0',
  padding: 'space.0',
  display: 'flex',
  flexDirection: 'column',
  gap: 'space.100',
});

interface Props {
  threat: ThreatRow;
  mitigations: MitigationRow[];
  canCreateTasks: boolean;
  tasks: TaskCreation;
  /** Absent for people who cannot edit the threat model. */
  editing?: { onAdd: (threat: ThreatRow) => void; onEdit(mitigation: MitigationRow, threat: ThreatRow): void };
  /** Inside a dialog whose title already says whose mitigations these are: no heading of its own. */
  titled?: boolean;
}

/** Under an expanded threat row: its mitigations, and the ways to add, change and plan them. */
export function ThreatMitigationList({ threat, mitigations, canCreateTasks, tasks, editing, titled }: Props) {
  const canAdd = editing !== undefined && threat.state === 'active';
  return (
    <Stack space="space.100">
      <Inline space="space.200" alignBlock="center" shouldWrap>
        {!titled && <Text weight="semibold">Mitigations of {threat.id}</Text>}
        {canAdd && (
          <Button spacing="compact" aria-label={`Add mitigation to ${threat.id}`} onClick={() => editing.onAdd(threat)}>
            Add mitigation
          </Button>
        )}
      </Inline>
      {mitigations.length === 0 ? (
        <Text color="color.text.subtle">
          No mitigation yet. A mitigation says what to build against {threat.id}, how to verify it and how strongly it
          reduces the threat.
        </Text>
      ) : (
        <Box as="ul" xcss={listStyles} aria-label={`Mitigations of ${threat.id}`}>
          {mitigations.map((mitigation) => (
            <MitigationLine
              key={mitigation.id}
              mitigation={mitigation}
              threatId={threat.id}
              canCreateTask={canCreateTasks && needsTask(mitigation)}
              creatingTask={tasks.running.has(mitigation.id)}
              taskError={tasks.errors[mitigation.id]}
              onCreateTask={() => tasks.create(mitigation)}
              onEdit={editing ? () => editing.onEdit(mitigation, threat) : undefined}
            />
          ))}
        </Box>
      )}
    </Stack>
  );
}
