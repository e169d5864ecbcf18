import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { useState, type CSSProperties } from 'react';
import type { MonitoredEvent } from '../../../../src/domain/monitoring/monitoring-view';
import { MITIGATION_STATUS_LABELS, MitigationStatusLozenge } from '../mitigation/mitigation-status-lozenge';
import { TaskLink } from '../mitigation/task-link';
import { CELL } from '../common/table-styles';

// The signal is what operations wire up: shown as code, wrapped, easy to select and copy.
const SIGNAL: CSSProperties = {
  display: 'block',
  margin: 0,
  padding: `${token('space.075', '6px')} ${token('space.100', '8px')}`,
  background: token('color.background.neutral', '#091E420F'),
  borderRadius: token('radius.small', '4px'),
  font: token('font.code', 'normal 400 0.875em/1 ui-monospace, Menlo, monospace'),
  lineHeight: '20px',
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
};

// The wiring mitigation is already in place or turned down: a task would change nothing.
const NEEDS_NO_TASK = new Set(['existing', 'implemented', 'rejected']);

interface Props {
  threatId: string;
  event: MonitoredEvent;
  /** Whether the person may create the task (edit the model, create and link issues). */
  canCreate: boolean;
  /** Whether the person may change and remove an event written by hand. */
  canEdit: boolean;
  creating: boolean;
  error: string | undefined;
  onCreate: () => void;
  onEdit: () => void;
  /** Resolves to an error to show, or undefined once removed. */
  onRemove: () => Promise<string | undefined>;
  /** The table is too narrow for a Task column: the task goes under the signal. */
  compact?: boolean;
}

/** One detection event: what to detect, the signal to wire, and its task or "Create task". */
export function DetectionEventRow(props: Props) {
  const { threatId, event, compact = false } = props;
  const task = event.origin === 'manual' ? <ManualEventActions {...props} /> : <EventTask {...props} />;
  return (
    <tr data-testid={`event-${threatId}-${event.id}`}>
      <td style={{ ...CELL, verticalAlign: 'top', width: '28%' }}>
        <Stack space="space.025">
          <Text weight="medium">{event.title}</Text>
          <Text size="small" color="color.text.subtlest">
            {event.id}
          </Text>
        </Stack>
      </td>
      <td style={{ ...CELL, verticalAlign: 'top' }}>
        <Stack space="space.075">
          <code style={SIGNAL} aria-label={`Signal of ${event.id}`}>
            {event.signal}
          </code>
          <EventDetails event={event} />
          {compact && task}
        </Stack>
      </td>
      {!compact && <td style={{ ...CELL, verticalAlign: 'top', width: '22%' }}>{task}</td>}
    </tr>
  );
}

/** A template's event: its task and the task's status, or why it has none, and "Create task" where it may be made. */
function EventTask({ event, canCreate, creating, error, onCreate }: Props) {
  const { wiring } = event;
  const canCreateHere = canCreate && !wiring?.task && !(wiring && NEEDS_NO_TASK.has(wiring.status));
  return (
    <Stack space="space.075" alignInline="start">
      {wiring?.task ? (
        <>
          <TaskLink task={wiring.task} />
          <MitigationStatusLozenge status={wiring.status} />
        </>
      ) : (
        <Text color="color.text.subtle">
          {wiring
            ? `No task (${wiring.mitigationId} is ${MITIGATION_STATUS_LABELS[wiring.status].toLowerCase()})`
            : 'No task'}
        </Text>
      )}
      {canCreateHere && (
        <Button
          spacing="compact"
          aria-label={`Create task for ${event.id}: ${event.title}`}
          isDisabled={creating}
          onClick={onCreate}
        >
          {creating ? 'Creating task…' : 'Create task'}
        </Button>
      )}
      {error !== undefined && (
        <Text size="small" color="color.text.danger">
          <span role="alert">{error}</span>
        </Text>
      )}
    </Stack>
  );
}

/** Threshold, who responds and first steps: what a person wrote beside the signal. */
function EventDetails({ event }: { event: MonitoredEvent }) {
  const details = [
    ['Threshold', event.threshold],
    ['Who responds', event.responder],
    ['First steps', event.firstSteps],
  ].filter(([, text]) => text !== '');
  if (details.length === 0) return null;
  return (
    <Stack space="space.025">
      {details.map(([label, text]) => (
        <Text key={label} size="small">
          <Text as="strong" size="small" weight="medium">{`${label}: `}</Text>
          <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>
        </Text>
      ))}
    </Stack>
  );
}

/** An event written by hand is an alert to build from the specification; editors change or remove it. */
function ManualEventActions({ event, canEdit, onEdit, onRemove }: Props) {
  const [removing, setRemoving] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const remove = async () => {
    setRemoving(true);
    setFailure(undefined);
    const problem = await onRemove();
    setRemoving(false);
    setFailure(problem);
  };
  return (
    <Stack space="space.075" alignInline="start">
      <Text color="color.text.subtle">Written by hand</Text>
      {canEdit && (
        <Inline space="space.075">
          <Button spacing="compact" aria-label={`Edit ${event.id}: ${event.title}`} onClick={onEdit}>
            Edit
          </Button>
          <Button
            spacing="compact"
            appearance="subtle"
            aria-label={`Remove ${event.id}: ${event.title}`}
            isDisabled={removing}
            onClick={() => void remove()}
          >
            {removing ? 'Removing…' : 'Remove'}
          </Button>
        </Inline>
      )}
      {failure !== undefined && (
        <Text size="small" color="color.text.danger">
          <span role="alert">{failure}</span>
        </Text>
      )}
    </Stack>
  );
}
