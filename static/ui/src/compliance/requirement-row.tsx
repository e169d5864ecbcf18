import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import { Inline, Pressable, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { router } from '@forge/bridge';
import type { CoverageStatus, RequirementCoverage } from '../../../../src/contract';
import { IssueLink } from '../common/issue-link';
import { CELL } from '../common/table-styles';
import { storiesSearchUrl } from '../threat-model/stories-link';

export const STATUS_LABELS: Record<CoverageStatus, string> = {
  implemented: 'Implemented',
  planned: 'Planned',
  none: 'No mitigation',
};
const STATUS_LOOK: Record<CoverageStatus, ThemeAppearance> = {
  implemented: 'success',
  planned: 'inprogress',
  none: 'default',
};

const TOP_CELL = { ...CELL, verticalAlign: 'top' as const };
const LINK_STYLE = {
  padding: 0,
  background: 'none',
  color: token('color.link', '#0C66E4'),
  textDecoration: 'underline',
  font: 'inherit',
};

function Mitigations({ requirement }: { requirement: RequirementCoverage }) {
  if (requirement.mitigations.length === 0)
    return <Text color="color.text.subtlest">{requirement.evidence ? requirement.evidence.summary : 'None'}</Text>;
  return (
    <Stack space="space.050">
      {requirement.mitigations.map((m) => (
        <Text key={m.id}>
          <strong>{m.id}</strong> {m.title} <Text color="color.text.subtle">({m.status})</Text>
          {m.task ? (
            <>
              {' · task '}
              <IssueLink issueKey={m.task.key} label={`Task ${m.task.key} of ${m.id}`} /> ({m.task.statusName})
            </>
          ) : (
            <Text color="color.text.subtlest"> · no task</Text>
          )}
        </Text>
      ))}
      {requirement.mitigationCount > requirement.mitigations.length && (
        <Text size="small" color="color.text.subtle">
          and {requirement.mitigationCount - requirement.mitigations.length} more
        </Text>
      )}
      {requirement.evidence && <Text size="small">{requirement.evidence.summary}</Text>}
    </Stack>
  );
}

function Stories({
  requirement,
  storiesJql,
  uncounted,
}: {
  requirement: RequirementCoverage;
  storiesJql: Record<string, string>;
  uncounted: boolean;
}) {
  // Jira's search for all of them: the stories of each threat the requirement's mitigations address.
  const jql = requirement.threats
    .map((t) => storiesJql[t.id])
    .filter(Boolean)
    .map((q) => `(${q})`)
    .join(' OR ');
  // A large project never audited: no figure, but Jira's own search finds them now.
  if (uncounted && jql)
    return (
      <Pressable
        style={LINK_STYLE}
        aria-label={`Find the stories of ${requirement.id} in Jira`}
        onClick={() => void router.navigate(storiesSearchUrl(jql)).catch(() => undefined)}
      >
        Find in Jira
      </Pressable>
    );
  if (requirement.storyCount === 0) return <Text color="color.text.subtlest">None</Text>;
  const more = requirement.storyCount - requirement.stories.length;
  return (
    <Inline space="space.075" shouldWrap>
      {requirement.stories.map((key) => (
        <IssueLink key={key} issueKey={key} />
      ))}
      {more > 0 && jql && (
        <Pressable
          style={LINK_STYLE}
          aria-label={`All ${requirement.storyCount} stories of ${requirement.id}`}
          onClick={() => void router.navigate(storiesSearchUrl(jql)).catch(() => undefined)}
        >
          and {more} more
        </Pressable>
      )}
    </Inline>
  );
}

/** One requirement: its id and text, whether it is covered, by which mitigations and tasks, for which stories. */
export function RequirementRow({
  requirement,
  storiesJql,
  uncounted = false,
}: {
  requirement: RequirementCoverage;
  storiesJql: Record<string, string>;
  /** The stories were not counted (see ClauseEvidence.source): the cell offers Jira's search instead. */
  uncounted?: boolean;
}) {
  return (
    <tr data-testid={`requirement-${requirement.id}`}>
      <td style={{ ...TOP_CELL, width: '46%' }}>
        <Stack space="space.050">
          <Text weight="bold">
            {requirement.id}{' '}
            <Text size="small" color="color.text.subtle">
              (L{requirement.level}
              {requirement.levelNote ? `; at this level: ${requirement.levelNote}` : ''})
            </Text>
          </Text>
          <Text size="small" color="color.text.subtle">
            {requirement.section}
          </Text>
          <Text size="small">{requirement.text}</Text>
        </Stack>
      </td>
      <td style={TOP_CELL}>
        <Lozenge appearance={STATUS_LOOK[requirement.status]}>{STATUS_LABELS[requirement.status]}</Lozenge>
      </td>
      <td style={{ ...TOP_CELL, width: '32%' }}>
        <Mitigations requirement={requirement} />
      </td>
      <td style={TOP_CELL}>
        <Stories requirement={requirement} storiesJql={storiesJql} uncounted={uncounted} />
      </td>
    </tr>
  );
}
