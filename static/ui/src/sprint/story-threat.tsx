import { MitigationSummary } from '../mitigation/mitigation-summary';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { SprintMitigation, SprintPlanView } from '../../../../src/contract';
import { needsTask } from '../mitigation/strength';
import { TaskLink } from '../mitigation/task-link';
import { ThreatRiskText } from '../mitigation/threat-risk-text';
import { SeverityLozenge } from '../threat-model/severity-lozenge';
import { placeText } from './task-place';

const listStyles = xcss({
  listStyle: 'none',
  margin: 'space.0',
  padding: 'space.0',
  display: 'flex',
  flexDirection: 'column',
  gap: 'space.050',
});
const itemStyles = xcss({ margin: 'space.0' });
const mitigationsStyles = xcss({ paddingInlineStart: 'space.200' });

interface Props {
  threatId: string;
  /** The story it is listed under, to tell the lists apart. */
  storyKey: string;
  threats: SprintPlanView['threats'];
  mitigations: SprintMitigation[];
}

/** One threat of a planned story: its severity and residual risk, and its mitigations with where their tasks are. */
export function StoryThreat({ threatId, storyKey, threats, mitigations }: Props) {
  const threat = threats[threatId];
  const mine = mitigations.filter((m) => m.addresses.some((a) => a.threatId === threatId)).sort(rejectedLast);
  return (
    <Stack space="space.050">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        {threat ? (
          <>
            <SeverityLozenge band={threat.severity.band} score={threat.severity.score} label={threatId} />
            <Text weight="medium">{threat.title}</Text>
            {threat.state === 'retired' && <Text color="color.text.subtlest">(retired)</Text>}
            <ThreatRiskText risk={threat.risk} severity={threat.severity.score} />
          </>
        ) : (
          <>
            <Lozenge appearance="default">{`${threatId} · unknown`}</Lozenge>
            <Text color="color.text.subtle">Retired, or not in this project’s threat model</Text>
          </>
        )}
      </Inline>
      {threat && (
        <Box xcss={mitigationsStyles}>
          {mine.length === 0 ? (
            <Text size="small" color="color.text.subtlest">
              No mitigation yet
            </Text>
          ) : (
            <Box as="ul" xcss={listStyles} aria-label={`Mitigations of ${threatId} in ${storyKey}`}>
              {mine.map((mitigation) => (
                <MitigationLine key={mitigation.id} mitigation={mitigation} threatId={threatId} storyKey={storyKey} />
              ))}
            </Box>
          )}
        </Box>
      )}
    </Stack>
  );
}

function MitigationLine({
  mitigation,
  threatId,
  storyKey,
}: {
  mitigation: SprintMitigation;
  threatId: string;
  storyKey: string;
}) {
  // A mitigation already in place, or rejected, needs no task: "No task yet" would be wrong
  // there, and "Done" without a task says again what its status says.
  const showPlace =
    mitigation.place === 'not-created'
      ? needsTask(mitigation)
      : mitigation.place !== 'done' || mitigation.task !== null;
  return (
    <Box as="li" xcss={itemStyles} testId={`mitigation-${storyKey}-${threatId}-${mitigation.id}`}>
      <Inline space="space.075" alignBlock="center" shouldWrap>
        <MitigationSummary mitigation={mitigation} threatId={threatId} />
        {showPlace && (
          <Text
            size="small"
            weight={mitigation.place === 'this-sprint' ? 'medium' : undefined}
            color={placeColor(mitigation.place)}
          >
            {placeText(mitigation.place, mitigation.otherSprintName)}
          </Text>
        )}
        {mitigation.task && <TaskLink task={mitigation.task} />}
      </Inline>
    </Box>
  );
}

function placeColor(place: SprintMitigation['place']) {
  if (place === 'this-sprint' || place === 'done') return 'color.text.success' as const;
  if (place === 'not-created') return 'color.text.warning' as const;
  return 'color.text.subtle' as const;
}

const rejectedLast = (a: SprintMitigation, b: SprintMitigation) =>
  Number(a.status === 'rejected') - Number(b.status === 'rejected');
