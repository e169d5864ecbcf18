import { Box, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { SprintStory, SprintWarning } from '../../../../src/contract';
import { IssueLink } from '../common/issue-link';
import { StoryGap } from './story-gap';

/**
 * Gaps in the planned stories' threat model: stories that need WITHOUT clauses and have none
 * (with "Suggest threats"), clauses with no threat, threats with no mitigation.
 */
export function SprintWarnings({ warnings, stories = [] }: { warnings: SprintWarning[]; stories?: SprintStory[] }) {
  const title =
    warnings.length === 1
      ? '1 gap in the security planning of this sprint'
      : `${warnings.length} gaps in the security planning of this sprint`;
  return (
    <SectionMessage appearance="warning" title={title}>
      <Box as="ul" aria-label="Sprint warnings">
        {warnings.map((warning, index) => {
          const gap =
            warning.kind === 'story-needs-threat-modeling'
              ? stories.find((s) => s.issueKey === warning.storyKey)
              : undefined;
          return (
            <Box as="li" key={index}>
              {gap ? (
                <StoryGap story={gap} message={warning.message} />
              ) : (
                <Text>
                  <LinkedMessage message={warning.message} storyKey={warning.storyKey} />
                </Text>
              )}
            </Box>
          );
        })}
      </Box>
    </SectionMessage>
  );
}

/** The backend's sentence, its story key as a link (prefixed when the sentence does not name it). */
function LinkedMessage({ message, storyKey }: { message: string; storyKey: string }) {
  const at = storyKey ? message.indexOf(storyKey) : -1;
  if (!storyKey) return <>{message}</>;
  if (at < 0) {
    return (
      <>
        <IssueLink issueKey={storyKey} />: {message}
      </>
    );
  }
  return (
    <>
      {message.slice(0, at)}
      <IssueLink issueKey={storyKey} />
      {message.slice(at + storyKey.length)}
    </>
  );
}
