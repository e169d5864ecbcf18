import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { useState } from 'react';
import type { DetectionEventEdit } from '../../../../src/contract';
import type { MonitoredThreat } from '../../../../src/domain/monitoring/monitoring-view';
import { CELL, HEAD_CELL, TABLE } from '../common/table-styles';
import { useElementWidth } from '../common/use-element-width';
import { SeverityLozenge } from '../threat-model/severity-lozenge';
import { DetectionEventForm } from './detection-event-form';
import { DetectionEventRow } from './detection-event-row';
import { eventKey, type useMonitoring } from './use-monitoring';

interface Props {
  threat: MonitoredThreat;
  canCreate: boolean;
  /** Whether the person may edit the threat model: add, change and remove events written by hand. */
  canEdit: boolean;
  monitoring: Pick<ReturnType<typeof useMonitoring>, 'running' | 'errors' | 'createTask' | 'changeEvent'>;
}

// The signal's heading keeps to one line (about 350 px) and the other columns take half the table
// (28% and 22%), so below this the Task column would be pushed out of the box: the task then goes
// under the signal, as the audit puts each fix under its finding.
export const COMPACT_BELOW = 720;

const sourceText = (threat: MonitoredThreat): string =>
  threat.knowledgeBase ? `From "${threat.knowledgeBase.name}" (${threat.templateId})` : 'Events written by hand';

/** An active threat and its detection events: its knowledge-base template's, and those written by hand. */
export function MonitoredThreatSection({ threat, canCreate, canEdit, monitoring }: Props) {
  const headingId = `monitoring-heading-${threat.id}`;
  const [editing, setEditing] = useState<string | undefined>();
  const change = async (edit: DetectionEventEdit) => {
    const error = await monitoring.changeEvent(edit);
    if (error === undefined) setEditing(undefined);
    return error;
  };
  const base = { threatId: threat.id, baseRevision: threat.revision };
  const [measure, width] = useElementWidth<HTMLDivElement>();
  const compact = width < COMPACT_BELOW;
  return (
    <Box as="section" aria-labelledby={headingId} testId={`monitoring-${threat.id}`}>
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Heading size="xsmall" as="h3" id={headingId}>
            {`${threat.id} ${threat.title}`}
          </Heading>
          <SeverityLozenge band={threat.severity.band} score={threat.severity.score} />
          <Text size="small" color="color.text.subtlest">
            {sourceText(threat)}
          </Text>
        </Inline>
        <div ref={measure} style={{ overflowX: 'auto' }}>
          <table style={TABLE} aria-label={`Detection events of ${threat.id}`}>
            <thead>
              <tr>
                <th style={HEAD_CELL}>Detection event</th>
                <th style={HEAD_CELL}>
                  {compact ? 'Signal to wire, and task' : 'Signal to wire (log or metric, and when to alert)'}
                </th>
                {!compact && <th style={HEAD_CELL}>Task</th>}
              </tr>
            </thead>
            <tbody>
              {threat.events.map((event) => {
                const key = eventKey(threat.id, event.id);
                if (editing === event.id)
                  return (
                    <tr key={event.id}>
                      <td style={CELL} colSpan={compact ? 2 : 3}>
                        <DetectionEventForm
                          label={`Change ${event.id} of ${threat.id}`}
                          initial={event}
                          submitLabel="Save"
                          onSubmit={(draft) => change({ ...base, kind: 'edit', eventId: event.id, draft })}
                          onCancel={() => setEditing(undefined)}
                        />
                      </td>
                    </tr>
                  );
                return (
                  <DetectionEventRow
                    key={event.id}
                    threatId={threat.id}
                    event={event}
                    canCreate={canCreate}
                    canEdit={canEdit}
                    creating={monitoring.running.has(key)}
                    error={monitoring.errors[key]}
                    onCreate={() => monitoring.createTask(threat.id, event.id)}
                    onEdit={() => setEditing(event.id)}
                    onRemove={() => change({ ...base, kind: 'remove', eventId: event.id })}
                    compact={compact}
                  />
                );
              })}
            </tbody>
          </table>
        </div>
        {canEdit && (
          <AddEvent threatId={threat.id} open={editing === 'new'} setEditing={setEditing} change={change} base={base} />
        )}
      </Stack>
    </Box>
  );
}

interface AddEventProps {
  threatId: string;
  open: boolean;
  setEditing: (editing: string | undefined) => void;
  change: (edit: DetectionEventEdit) => Promise<string | undefined>;
  base: { threatId: string; baseRevision: number };
}

/** "Add detection event" and its form: also used for a threat that has none yet. */
export function AddEvent({ threatId, open, setEditing, change, base }: AddEventProps) {
  if (!open)
    return (
      <Box>
        <Button spacing="compact" aria-label={`Add detection event to ${threatId}`} onClick={() => setEditing('new')}>
          Add detection event
        </Button>
      </Box>
    );
  return (
    <DetectionEventForm
      label={`New detection event for ${threatId}`}
      submitLabel="Add event"
      onSubmit={(draft) => change({ ...base, kind: 'add', draft })}
      onCancel={() => setEditing(undefined)}
    />
  );
}
