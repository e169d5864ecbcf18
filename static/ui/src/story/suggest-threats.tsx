import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { useState } from 'react';
import type { KbAccept, KbSuggestionsView, StoryView, ThreatSuggestionView } from '../../../../src/contract';
import { ErrorMessage } from '../common/error-message';
import { Loading } from '../common/loading';
import { ProblemsMessage } from '../common/problems-message';
import { useResolverView } from '../common/use-resolver-view';
import { described } from '../common/explained';
import { RISK_HELP } from '../common/risk-words';
import Tooltip from '@atlaskit/tooltip';
import { NEW_CLAUSE, SuggestionItem } from './suggestion-item';
import { SuggestionPageControls, useSuggestionPages } from './suggestion-pages';

type Mode = KbSuggestionsView['mode'];

const sectionStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.150',
});
const listStyles = xcss({ margin: 'space.0', paddingInlineStart: 'space.0', listStyle: 'none' });

interface Props {
  view: StoryView;
  /** Whether another change of the story is being saved. */
  busy: boolean;
  onAccept: (input: Omit<KbAccept, 'baseRevision'>) => Promise<string | undefined>;
}

/**
 * "Suggest threats": the threats the project's knowledge bases propose for this story, why they
 * matched, and their mitigations; an editor adds one (or links the one made from it before) to a
 * clause in one step. Everyone else reads them.
 */
export function SuggestThreats({ view, busy, onAccept }: Props) {
  const [open, setOpen] = useState(false);
  // Undefined until the person picks: the project's default list (settings) is asked for.
  const [chosen, setChosen] = useState<Mode | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');

  return (
    <Stack space="space.100">
      <Box>
        <Button aria-expanded={open} aria-controls="suggested-threats" onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide suggestions' : 'Suggest threats'}
        </Button>
      </Box>
      {open && (
        // Another list is another view, read from the start (loading first), not over the one shown.
        <SuggestedThreats
          key={chosen ?? 'default'}
          chosen={chosen}
          onChoose={setChosen}
          view={view}
          busy={busy}
          onAccept={onAccept}
          announcement={announcement}
          onAnnounce={setAnnouncement}
        />
      )}
    </Stack>
  );
}

interface ListProps extends Props {
  chosen: Mode | undefined;
  onChoose: (mode: Mode) => void;
  /** What the last accepted suggestion did, read out (kept while the list is closed or changed). */
  announcement: string;
  onAnnounce: (text: string) => void;
}

function SuggestedThreats({ chosen, onChoose, view, busy, onAccept, announcement, onAnnounce }: ListProps) {
  const { state, load } = useResolverView('knowledge-base/suggest', chosen === undefined ? {} : { mode: chosen });
  const mode: Mode = chosen ?? (state.status === 'ready' ? state.view.mode : 'top');
  const suggested = state.status === 'ready' ? state.view : undefined;
  const canAccept = view.canEdit && view.canEditThreatModel;

  async function accept(suggestion: ThreatSuggestionView, clauseId: string): Promise<string | undefined> {
    const error = await onAccept({
      knowledgeBaseId: suggestion.knowledgeBaseId,
      templateId: suggestion.templateId,
      ...(clauseId === NEW_CLAUSE ? {} : { clauseId }),
    });
    if (error === undefined) {
      onAnnounce(`${suggestion.title} is linked to this story, with its mitigations proposed.`);
      // Read again behind the list on screen, which stays if that fails: the threat is now in the model.
      void load();
    }
    return error;
  }

  return (
    <Box as="section" id="suggested-threats" aria-labelledby="suggested-threats-heading" xcss={sectionStyles}>
      <Stack space="space.150">
        <Inline space="space.100" alignBlock="center" spread="space-between" shouldWrap>
          <Heading size="xsmall" id="suggested-threats-heading">
            Suggested threats
          </Heading>
          <Inline space="space.050" role="group" aria-label="Which suggestions">
            <Tooltip content={RISK_HELP.top} position="top">
              {(tooltipProps) => (
                <span {...tooltipProps} {...described(RISK_HELP.top)}>
                  <Button
                    spacing="compact"
                    isSelected={mode === 'top'}
                    aria-pressed={mode === 'top'}
                    onClick={() => onChoose('top')}
                  >
                    TOP
                  </Button>
                </span>
              )}
            </Tooltip>
            <Button
              spacing="compact"
              isSelected={mode === 'full'}
              aria-pressed={mode === 'full'}
              onClick={() => onChoose('full')}
            >
              Full
            </Button>
          </Inline>
        </Inline>
        <Text as="p" size="small" color="color.text.subtle">
          {mode === 'top'
            ? 'The short list of threats most stories like this one meet.'
            : 'Every threat of the knowledge base whose rule matches this story.'}
        </Text>
        {!canAccept && (
          <Text as="p" size="small" color="color.text.subtlest">
            You can look at these suggestions. Adding one takes permission to edit this story and the project’s threat
            model.
          </Text>
        )}
        {state.status === 'loading' && <Loading label="Loading suggested threats" />}
        {state.status === 'error' && (
          <ErrorMessage title="Could not load suggestions" error={state.error} onRetry={() => void load()} />
        )}
        {suggested && suggested.suggestions.length === 0 && (
          <Text as="p">
            {mode === 'top'
              ? 'No TOP threats match this story. Try Full for the whole knowledge base.'
              : 'No threat of the knowledge base matches this story.'}
          </Text>
        )}
        {suggested && suggested.suggestions.length > 0 && (
          <RankedSuggestions
            suggestions={suggested.suggestions}
            view={view}
            canAccept={canAccept}
            busy={busy}
            onAccept={accept}
          />
        )}
        {suggested && suggested.knowledgeBases.length === 0 && (
          <Text as="p">
            No knowledge base is active in this project. A project administrator can choose them in the app’s project
            settings.
          </Text>
        )}
        {suggested && suggested.knowledgeBases.length > 0 && (
          <Text as="p" size="small" color="color.text.subtlest">
            From: {suggested.knowledgeBases.join(', ')}
          </Text>
        )}
        {suggested && <ProblemsMessage problems={suggested.problems} />}
        <Box role="status">
          <Text size="small">{announcement}</Text>
        </Box>
      </Stack>
    </Box>
  );
}

interface RankedProps {
  suggestions: ThreatSuggestionView[];
  view: StoryView;
  canAccept: boolean;
  busy: boolean;
  onAccept: (suggestion: ThreatSuggestionView, clauseId: string) => Promise<string | undefined>;
}

/** The suggestions best match first, ten at a time, the generic ones folded away. */
function RankedSuggestions({ suggestions, view, canAccept, busy, onAccept }: RankedProps) {
  const pages = useSuggestionPages(suggestions);
  const specific = suggestions.length - pages.generic;
  return (
    <Stack space="space.100">
      <Text size="small" color="color.text.subtle">
        {specific === 0
          ? 'Only generic suggestions: no rule matched this story in particular.'
          : `${specific} ${specific === 1 ? 'match' : 'matches'}, the best first (the words and phrases of the story a rule found, then severity).`}
      </Text>
      {pages.shown.length > 0 && (
        <Box as="ul" xcss={listStyles} aria-label="Suggested threats" id="suggested-threats-list">
          <Stack space="space.150">
            {pages.shown.map((s) => (
              <SuggestionItem
                key={`${s.knowledgeBaseId}/${s.templateId}`}
                suggestion={s}
                view={view}
                canAccept={canAccept}
                busy={busy}
                onAccept={onAccept}
              />
            ))}
          </Stack>
        </Box>
      )}
      <SuggestionPageControls pages={pages} listId="suggested-threats-list" />
    </Stack>
  );
}
