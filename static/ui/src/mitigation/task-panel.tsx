import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { TaskView } from '../../../../src/contract';
import { IssueLink } from '../common/issue-link';
import { MitigationStatusLozenge } from './mitigation-status-lozenge';
import { strengthAgainst } from './strength';
import { ThreatRiskText } from './threat-risk-text';
import { SeverityLozenge } from '../threat-model/severity-lozenge';
import { StrengthText } from './strength-text';

const listStyles = xcss({
  listStyle: 'none',
  margin: 'space.0',
  padding: 'space.0',
  display: 'flex',
  flexDirection: 'column',
  gap: 'space.100',
});
const itemStyles = xcss({ margin: 'space.0' });
// Written in a textarea: the line breaks are part of the text.
const multilineStyles = xcss({ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' });

const CONTROL_TYPES = {
  preventive: 'Preventive control',
  detective: 'Detective control',
  corrective: 'Corrective control',
} as const;

/** The issue panel on a mitigation task: what it mitigates, why, and how to verify it. */
export function TaskPanel({ task }: { task: TaskView }) {
  const { mitigation, threats, stories } = task;
  const threatIds = new Set(mitigation.addresses.map((a) => a.threatId));
  // A story's other clauses are about other threats: only those this task protects are listed.
  const protectedClauses = (clauses: TaskView['stories'][number]['clauses']) =>
    clauses.filter((clause) => clause.threatIds.some((id) => threatIds.has(id)));
  return (
    <Stack space="space.200">
      <Stack space="space.075">
        {/* Jira titles the panel from the manifest, one static title per module ("WITHOUT
            clauses"), whatever the issue: on a task the panel names what it shows itself. */}
        <Heading size="small" as="h2" testId="task-panel-kind">
          Mitigation task
        </Heading>
        <Text as="p" size="small" color="color.text.subtle">
          This issue is the backlog work of a mitigation, so it has no WITHOUT clauses of its own: they are written on
          the stories it protects, listed below.
        </Text>
        <Heading size="xsmall" as="h3">
          This task carries mitigation {mitigation.id}: {mitigation.title}
        </Heading>
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <MitigationStatusLozenge status={mitigation.status} />
          <Text size="small" color="color.text.subtle">
            {CONTROL_TYPES[mitigation.controlType]}
          </Text>
        </Inline>
        {mitigation.status === 'rejected' && mitigation.rejectionReason && (
          <Text as="p" size="small">
            Rejected: {mitigation.rejectionReason}
          </Text>
        )}
      </Stack>

      <Section title="What to implement" text={mitigation.implementation} empty="Nothing written yet." />
      <Section title="How to verify" text={mitigation.verification} empty="Nothing written yet." />

      <Stack space="space.075">
        <Heading size="xxsmall" as="h3">
          Threats it mitigates
        </Heading>
        {threats.length === 0 ? (
          <Text color="color.text.subtle">The mitigation addresses no threat of the model.</Text>
        ) : (
          <Box as="ul" xcss={listStyles} aria-label="Threats it mitigates">
            {threats.map((threat) => {
              const strength = strengthAgainst(mitigation, threat.id);
              return (
                <Box as="li" key={threat.id} xcss={itemStyles}>
                  <Stack space="space.025">
                    <Inline space="space.100" alignBlock="center" shouldWrap>
                      <SeverityLozenge band={threat.severity.band} score={threat.severity.score} label={threat.id} />
                      <Text weight="medium">{threat.title}</Text>
                      {threat.state === 'retired' && <Text color="color.text.subtlest">(retired)</Text>}
                    </Inline>
                    <Inline space="space.100" alignBlock="center" shouldWrap>
                      {strength !== undefined && (
                        <Text size="small">
                          <StrengthText strength={strength} prefix="Strength: " />
                        </Text>
                      )}
                      <ThreatRiskText risk={threat.risk} severity={threat.severity.score} />
                    </Inline>
                  </Stack>
                </Box>
              );
            })}
          </Box>
        )}
      </Stack>

      <Stack space="space.075">
        <Heading size="xxsmall" as="h3">
          Stories it protects
        </Heading>
        {stories.length === 0 ? (
          <Text color="color.text.subtle">No story points at these threats yet.</Text>
        ) : (
          <Box as="ul" xcss={listStyles} aria-label="Stories it protects">
            {stories.map((story) => {
              const clauses = protectedClauses(story.clauses);
              return (
                <Box as="li" key={story.key} xcss={itemStyles}>
                  <Stack space="space.025">
                    <Text>
                      <IssueLink issueKey={story.key} /> {story.summary}
                    </Text>
                    {clauses.map((clause, index) => (
                      <Text key={index} as="p" size="small">
                        <Text weight="bold" size="small">
                          WITHOUT
                        </Text>{' '}
                        {clause.text}
                      </Text>
                    ))}
                    {clauses.length === 0 && (
                      <Text size="small" color="color.text.subtle">
                        Linked to the threats directly; no WITHOUT clause names them yet.
                      </Text>
                    )}
                  </Stack>
                </Box>
              );
            })}
          </Box>
        )}
      </Stack>
    </Stack>
  );
}

function Section({ title, text, empty }: { title: string; text: string; empty: string }) {
  return (
    <Stack space="space.050">
      <Heading size="xxsmall" as="h3">
        {title}
      </Heading>
      {text.trim() ? (
        <Box xcss={multilineStyles}>
          <Text as="p">{text}</Text>
        </Box>
      ) : (
        <Text color="color.text.subtle">{empty}</Text>
      )}
    </Stack>
  );
}
