import { Box, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { SprintStory, SprintWarning } from '../../../../src/contract';
import { IssueLink } from '../common/issue-link';
import { StoryGap } from './story-gap';
import Button from '@atlaskit/button/new';
import { useId, useState } from 'react';

/** Gaps listed before "Show all": a big sprint can have hundreds. */
export const GAPS_SHOWN = 10;

/**
 * Gaps in the planned stories' threat model: stories that need WITHOUT clauses and have none
 * (with "Suggest threats"), clauses with no threat, threats with no mitigation.
 */
export function SprintWarnings({ warnings, stories = [] }: { warnings: SprintWarning[]; stories?: SprintStory[] }) {
  const [showAll, setShowAll] = useState(false);
  const listId = useId();
  const shown = showAll ? warnings : warnings.slice(0, GAPS_SHOWN);
  const title =
    warnings.length === 1
      ? '1 gap in the security planning of this sprint'
      : `${warnings.length} gaps in the security planning of this sprint`;
  return (
    <SectionMessage appearance="warning" title={title}>
      <Box as="ul" aria-label="Sprint warnings" id={listId}>
        {shown.map((warning, index) => {
          // The gap carries what the rules matched: its story may be on another page of stories.
          const gap =
            warning.kind !== 'story-needs-threat-modeling'
              ? undefined
              : warning.needsModeling
                ? { issueKey: warning.storyKey, needsModeling: warning.needsModeling }
                : stories.find((s) => s.issueKey === warning.storyKey);
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
      {warnings.length > GAPS_SHOWN && (
        <Box paddingBlockStart="space.100">
          <Button
            spacing="compact"
            aria-expanded={showAll}
            aria-controls={listId}
            onClick={() => setShowAll((on) => !on)}
          >
            {showAll ? `Show the first ${GAPS_SHOWN} gaps` : `Show all ${warnings.length.toLocaleString('en-US')} gaps`}
          </Button>
        </Box>
      )}
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
