import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { SprintPlanView, SprintStory } from '../../../../src/contract';
import { IssueLink } from '../common/issue-link';
import { StoryThreat } from './story-threat';
import { StoryPageControls, type StoryPages } from './story-pages';
import { useId } from 'react';

const listStyles = xcss({
  listStyle: 'none',
  margin: 'space.0',
  padding: 'space.0',
  display: 'flex',
  flexDirection: 'column',
  gap: 'space.150',
});
const storyStyles = xcss({
  margin: 'space.0',
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.150',
});
const threatListStyles = xcss({
  listStyle: 'none',
  margin: 'space.0',
  padding: 'space.0',
  paddingInlineStart: 'space.200',
  display: 'flex',
  flexDirection: 'column',
  gap: 'space.100',
});
const itemStyles = xcss({ margin: 'space.0' });

type Shared = Pick<SprintPlanView, 'threats' | 'mitigations'>;

/** The stories planned for the sprint, a page at a time, each with its WITHOUT clauses, threats and mitigations. */
export function PlannedStories({
  stories,
  threats,
  mitigations,
  pages,
}: Shared & { stories: SprintStory[]; pages?: StoryPages }) {
  const listId = useId();
  return (
    <Stack space="space.100">
      <Heading size="small" as="h3">
        Planned stories ({(pages?.count ?? stories.length).toLocaleString('en-US')})
      </Heading>
      {pages && <StoryPageControls pages={pages} listId={listId} />}
      <Box as="ul" xcss={listStyles} aria-label="Planned stories" id={listId}>
        {stories.map((story) => (
          <Box as="li" key={story.issueId} xcss={storyStyles} testId={`story-${story.issueKey}`}>
            <PlannedStory story={story} threats={threats} mitigations={mitigations} />
          </Box>
        ))}
      </Box>
    </Stack>
  );
}

function PlannedStory({ story, threats, mitigations }: Shared & { story: SprintStory }) {
  const threatList = (threatIds: string[], label: string) => (
    <Box as="ul" xcss={threatListStyles} aria-label={label}>
      {threatIds.map((threatId) => (
        <Box as="li" key={threatId} xcss={itemStyles}>
          <StoryThreat threatId={threatId} storyKey={story.issueKey} threats={threats} mitigations={mitigations} />
        </Box>
      ))}
    </Box>
  );

  return (
    <Stack space="space.100">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Text weight="medium">
          <IssueLink issueKey={story.issueKey} />
        </Text>
        <Text>{story.summary}</Text>
        <Lozenge>{story.statusName}</Lozenge>
      </Inline>
      {story.clauses.map((clause) => (
        <Stack key={clause.id} space="space.050">
          <Text as="p">
            <Text weight="bold">WITHOUT</Text> {clause.text}
          </Text>
          {clause.threatIds.length > 0 ? (
            threatList(clause.threatIds, `Threats of “${clause.text}”`)
          ) : (
            <Text size="small" color="color.text.warning">
              No threat linked to this clause yet.
            </Text>
          )}
        </Stack>
      ))}
      {story.directThreatIds.length > 0 && (
        <Stack space="space.050">
          <Text as="p" weight="medium">
            Linked directly
          </Text>
          {threatList(story.directThreatIds, `Threats linked directly to ${story.issueKey}`)}
        </Stack>
      )}
      {story.clauses.length === 0 && story.directThreatIds.length === 0 && (
        <Text size="small" color={story.needsModeling ? 'color.text.warning' : 'color.text.subtle'}>
          {story.needsModeling
            ? `No WITHOUT clauses yet, and ${story.needsModeling.threats} ${story.needsModeling.threats === 1 ? 'threat' : 'threats'} of the knowledge base apply: it needs threat modeling.`
            : 'No WITHOUT clauses yet.'}
        </Text>
      )}
    </Stack>
  );
}
