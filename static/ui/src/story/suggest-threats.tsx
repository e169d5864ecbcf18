import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { useState } from 'react';
import type { KbAccept, KbSuggestionsView, StoryView, ThreatSuggestionView } from '../../../../src/contract';
import { STRIDE_NAMES } from '../../../../src/domain/threat-model/stride';
import { ErrorMessage } from '../common/error-message';
import { Loading } from '../common/loading';
import { ProblemsMessage } from '../common/problems-message';
import { useResolverView } from '../common/use-resolver-view';
import { SeverityLozenge } from '../threat-model/severity-lozenge';
import { StrengthText } from '../mitigation/strength-text';
import { described, Explained } from '../common/explained';
import { RISK_HELP } from '../common/risk-words';
import Tooltip from '@atlaskit/tooltip';

type Mode = KbSuggestionsView['mode'];

const NEW_CLAUSE = '';

const sectionStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.150',
});
const listStyles = xcss({ margin: 'space.0', paddingInlineStart: 'space.0', listStyle: 'none' });
const itemStyles = xcss({
  borderBlockStartColor: 'color.border',
  borderBlockStartStyle: 'solid',
  borderBlockStartWidth: 'border.width',
  paddingBlockStart: 'space.100',
});
const bulletStyles = xcss({ margin: 'space.0', paddingInlineStart: 'space.200' });

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
          <Box as="ul" xcss={listStyles} aria-label="Suggested threats">
            <Stack space="space.150">
              {suggested.suggestions.map((s) => (
                <SuggestionItem
                  key={`${s.knowledgeBaseId}/${s.templateId}`}
                  suggestion={s}
                  view={view}
                  canAccept={canAccept}
                  busy={busy}
                  onAccept={accept}
                />
              ))}
            </Stack>
          </Box>
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

interface ItemProps {
  suggestion: ThreatSuggestionView;
  view: StoryView;
  canAccept: boolean;
  busy: boolean;
  onAccept: (suggestion: ThreatSuggestionView, clauseId: string) => Promise<string | undefined>;
}

function SuggestionItem({ suggestion: s, view, canAccept, busy, onAccept }: ItemProps) {
  const [clauseId, setClauseId] = useState(view.clauses[0]?.id ?? NEW_CLAUSE);
  const [error, setError] = useState<string>();
  const [accepting, setAccepting] = useState(false);
  const chosen = view.clauses.some((c) => c.id === clauseId) ? clauseId : NEW_CLAUSE;
  const linked =
    s.existingThreatId !== undefined &&
    view.clauses.some((c) => c.threatIds.includes(s.existingThreatId!) && (chosen === NEW_CLAUSE || c.id === chosen));
  const selectId = `suggestion-clause-${s.knowledgeBaseId}-${s.templateId}`;
  const action = s.existingThreatId ? `Link ${s.existingThreatId}` : 'Add and link';

  async function accept() {
    setAccepting(true);
    setError(undefined);
    try {
      setError(await onAccept(s, chosen));
    } finally {
      setAccepting(false);
    }
  }

  return (
    <Box as="li" xcss={itemStyles} testId={`suggestion-${s.templateId}`}>
      <Stack space="space.075">
        <Inline space="space.075" alignBlock="center" shouldWrap>
          <SeverityLozenge band={s.severity.band} score={s.severity.score} />
          <Text weight="bold">{s.title}</Text>
          {s.existingThreatId && <Lozenge appearance="new">{`In the model as ${s.existingThreatId}`}</Lozenge>}
        </Inline>
        <Text size="small" color="color.text.subtle">
          STRIDE: {s.stride.map((c) => `${c} (${STRIDE_NAMES[c]})`).join(', ')}
        </Text>
        {s.reasons.length > 0 && <Text size="small">Why it matched: {s.reasons.join('; ')}</Text>}
        {s.mitigations.length > 0 && (
          <Stack space="space.025">
            <Text size="small" weight="medium">
              Mitigations
            </Text>
            <Box as="ul" xcss={bulletStyles}>
              {s.mitigations.map((m) => (
                <li key={m.templateId}>
                  <Inline space="space.075" alignBlock="center" shouldWrap>
                    <Text size="small">{m.title}</Text>
                    <Text size="small" color="color.text.subtle">
                      <StrengthText strength={m.strength} />
                    </Text>
                    {m.top && (
                      <Explained help="TOP: on the knowledge base's short list, what most stories need.">
                        <Lozenge>TOP</Lozenge>
                      </Explained>
                    )}
                  </Inline>
                </li>
              ))}
            </Box>
          </Stack>
        )}
        {canAccept && (
          <Inline space="space.075" alignBlock="center" shouldWrap>
            {view.clauses.length > 0 && (
              <>
                <label htmlFor={selectId}>
                  <Text size="small">Link to</Text>
                </label>
                <select
                  id={selectId}
                  value={chosen}
                  disabled={busy || accepting}
                  onChange={(e) => setClauseId(e.target.value)}
                >
                  {view.clauses.map((c) => (
                    <option key={c.id} value={c.id}>{`WITHOUT ${c.text}`}</option>
                  ))}
                  <option value={NEW_CLAUSE}>A new clause for this threat</option>
                </select>
              </>
            )}
            {linked ? (
              <Text size="small" color="color.text.success">
                Linked
              </Text>
            ) : (
              <Button
                appearance="primary"
                spacing="compact"
                aria-label={`${action}: ${s.title}`}
                isDisabled={busy || accepting}
                onClick={() => void accept()}
              >
                {accepting ? 'Adding…' : action}
              </Button>
            )}
          </Inline>
        )}
        {error !== undefined && (
          <Text size="small" color="color.text.danger" as="p">
            <span role="alert">{error}</span>
          </Text>
        )}
      </Stack>
    </Box>
  );
}
