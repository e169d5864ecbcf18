import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { useState } from 'react';
import type { KbSuggestionsView, SprintStory } from '../../../../src/contract';
import { ErrorMessage } from '../common/error-message';
import { IssueLink } from '../common/issue-link';
import { Loading } from '../common/loading';
import { ProblemsMessage } from '../common/problems-message';
import { useResolverView } from '../common/use-resolver-view';
import { SeverityLozenge } from '../threat-model/severity-lozenge';
import { SuggestionPageControls, useSuggestionPages } from '../story/suggestion-pages';

const listStyles = xcss({ margin: 'space.0', paddingInlineStart: 'space.200' });

/**
 * A story of the sprint that needs WITHOUT clauses and has none: why (the knowledge bases' rules
 * it matches), and "Suggest threats", which lists what the story panel would suggest. Adding
 * one is done on the story, where its clauses are written.
 */
export function StoryGap({
  story,
  message,
}: {
  story: Pick<SprintStory, 'issueKey' | 'needsModeling'>;
  message: string;
}) {
  const [open, setOpen] = useState(false);
  const listId = `suggestions-${story.issueKey}`;
  const at = message.indexOf(story.issueKey);
  return (
    <Stack space="space.050">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Text>
          {at < 0 ? message : message.slice(0, at)}
          {at >= 0 && <IssueLink issueKey={story.issueKey} />}
          {at >= 0 && message.slice(at + story.issueKey.length)}
        </Text>
        <Button
          spacing="compact"
          aria-expanded={open}
          aria-controls={listId}
          aria-label={`Suggest threats for ${story.issueKey}`}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Hide suggestions' : 'Suggest threats'}
        </Button>
      </Inline>
      {story.needsModeling && story.needsModeling.reasons.length > 0 && (
        <Text size="small" color="color.text.subtle">
          Matched: {story.needsModeling.reasons.join(', ')}
        </Text>
      )}
      {open && (
        <Box id={listId}>
          <GapSuggestions issueKey={story.issueKey} />
        </Box>
      )}
    </Stack>
  );
}

export function GapSuggestions({ issueKey }: { issueKey: string }) {
  const { state, load } = useResolverView('knowledge-base/suggest', { issueKey });
  if (state.status === 'loading') return <Loading label={`Loading suggested threats for ${issueKey}`} />;
  if (state.status === 'error')
    return <ErrorMessage title="Could not load suggestions" error={state.error} onRetry={() => void load()} />;
  return <RankedGapSuggestions issueKey={issueKey} view={state.view} />;
}

/** The story's suggestions best match first, ten at a time, generic ones folded (as on the story). */
function RankedGapSuggestions({ issueKey, view }: { issueKey: string; view: KbSuggestionsView }) {
  const { suggestions, problems } = view;
  const pages = useSuggestionPages(suggestions);
  const listId = `suggested-threats-${issueKey}`;
  return (
    <Stack space="space.050">
      {suggestions.length === 0 ? (
        <Text as="p">No threat of the active knowledge bases matches {issueKey} now.</Text>
      ) : (
        pages.shown.length > 0 && (
          <Box as="ul" xcss={listStyles} aria-label={`Suggested threats for ${issueKey}`} id={listId}>
            {pages.shown.map((s) => (
              // Inline flow, not a wrapping row: a long title wraps beside its lozenge, not below it.
              <Box as="li" key={`${s.knowledgeBaseId}/${s.templateId}`}>
                <SeverityLozenge band={s.severity.band} score={s.severity.score} /> <Text>{s.title}</Text>
                <Text size="small" color="color.text.subtle">
                  {' '}
                  · {s.knowledgeBaseName}
                  {s.generic && ' · generic'}
                  {s.existingThreatId && ` · in the model as ${s.existingThreatId}`}
                </Text>
              </Box>
            ))}
          </Box>
        )
      )}
      <SuggestionPageControls pages={pages} listId={listId} />
      <Text size="small" color="color.text.subtlest">
        Add them on the story: open <IssueLink issueKey={issueKey} />, then Suggest threats in its WITHOUT clauses
        panel.
      </Text>
      <ProblemsMessage problems={problems} />
    </Stack>
  );
}
