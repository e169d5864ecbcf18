import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { MonitoredThreat } from '../../../../src/domain/monitoring/monitoring-view';
import { HEAD_CELL, TABLE } from '../common/table-styles';
import { SeverityLozenge } from '../threat-model/severity-lozenge';
import { DetectionEventRow } from './detection-event-row';
import { eventKey, type useMonitoring } from './use-monitoring';

interface Props {
  threat: MonitoredThreat;
  canCreate: boolean;
  monitoring: Pick<ReturnType<typeof useMonitoring>, 'running' | 'errors' | 'createTask'>;
}

/** An active threat and the detection events its knowledge-base template names. */
export function MonitoredThreatSection({ threat, canCreate, monitoring }: Props) {
  const headingId = `monitoring-heading-${threat.id}`;
  return (
    <Box as="section" aria-labelledby={headingId} testId={`monitoring-${threat.id}`}>
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Heading size="xsmall" as="h3" id={headingId}>
            {`${threat.id} ${threat.title}`}
          </Heading>
          <SeverityLozenge band={threat.severity.band} score={threat.severity.score} />
          <Text size="small" color="color.text.subtlest">
            {`From "${threat.knowledgeBase.name}" (${threat.templateId})`}
          </Text>
        </Inline>
        <table style={TABLE} aria-label={`Detection events of ${threat.id}`}>
          <thead>
            <tr>
              <th style={HEAD_CELL}>Detection event</th>
              <th style={HEAD_CELL}>Signal to wire (log or metric, and when to alert)</th>
              <th style={HEAD_CELL}>Task</th>
            </tr>
          </thead>
          <tbody>
            {threat.events.map((event) => {
              const key = eventKey(threat.id, event.id);
              return (
                <DetectionEventRow
                  key={event.id}
                  threatId={threat.id}
                  event={event}
                  canCreate={canCreate}
                  creating={monitoring.running.has(key)}
                  error={monitoring.errors[key]}
                  onCreate={() => monitoring.createTask(threat.id, event.id)}
                />
              );
            })}
          </tbody>
        </table>
      </Stack>
    </Box>
  );
}
