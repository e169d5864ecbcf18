import { Box, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { SprintStory, SprintWarning } from '../../../../src/contract';
import { AddMitigationGap } from './add-mitigation-gap';
import { GapMessage } from './gap-message';
import { LinkThreatGap } from './link-threat-gap';
import { StoryGap } from './story-gap';
import type { GapFixes } from './use-gap-fixes';
import Button from '@atlaskit/button/new';
import { useId, useState } from 'react';

/** Gaps listed before "Show all": a big sprint can have hundreds. */
export const GAPS_SHOWN = 10;

/**
 * Gaps in the planned stories' threat model, each with its fix: stories that need WITHOUT
 * clauses and have none ("Suggest threats"), clauses with no threat ("Link a threat"), threats
 * with no mitigation ("Add a mitigation"). Without `fixes`, the clauses' and threats' gaps are
 * only said.
 */
export function SprintWarnings({
  warnings,
  stories = [],
  fixes,
}: {
  warnings: SprintWarning[];
  stories?: SprintStory[];
  fixes?: GapFixes;
}) {
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
            // Keyed by what the gap is about: a fix open in one stays with it when others leave.
            <Box as="li" key={`${warning.kind}:${warning.storyKey}:${warning.clauseId ?? warning.threatId ?? index}`}>
              {gap ? (
                <StoryGap story={gap} message={warning.message} />
              ) : fixes && warning.kind === 'clause-without-threat' && warning.clauseId ? (
                <LinkThreatGap gap={warning} fixes={fixes} />
              ) : fixes && warning.kind === 'threat-without-mitigation' && warning.threatId ? (
                <AddMitigationGap gap={warning} fixes={fixes} />
              ) : (
                <Text>
                  <GapMessage message={warning.message} storyKey={warning.storyKey} />
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
