import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import { useState } from 'react';
import type { StoryView, ThreatSuggestionView } from '../../../../src/contract';
import { STRIDE_NAMES } from '../../../../src/domain/threat-model/stride';
import { Explained } from '../common/explained';
import { StrengthText } from '../mitigation/strength-text';
import { SeverityLozenge } from '../threat-model/severity-lozenge';

/** "Link to" a new clause named after the threat. */
export const NEW_CLAUSE = '';

const itemStyles = xcss({
  borderBlockStartColor: 'color.border',
  borderBlockStartStyle: 'solid',
  borderBlockStartWidth: 'border.width',
  paddingBlockStart: 'space.100',
});
const bulletStyles = xcss({ margin: 'space.0', paddingInlineStart: 'space.200' });
const chooserStyles = xcss({ maxWidth: '480px', width: '100%' });

interface ClauseOption {
  value: string;
  label: string;
}

/**
 * Where "Link to" starts: the clause whose text the suggestion matched, when it matched exactly
 * one; a new clause when the story has none; otherwise nothing, and the person is asked.
 */
export function preselectedClause(suggestion: ThreatSuggestionView, view: StoryView): string | undefined {
  if (view.clauses.length === 0) return NEW_CLAUSE;
  const matched = suggestion.matchedClauseIds.filter((id) => view.clauses.some((c) => c.id === id));
  return matched.length === 1 ? matched[0] : undefined;
}

export interface SuggestionItemProps {
  suggestion: ThreatSuggestionView;
  view: StoryView;
  canAccept: boolean;
  busy: boolean;
  onAccept: (suggestion: ThreatSuggestionView, clauseId: string) => Promise<string | undefined>;
}

/** One suggested threat: what it is, where it comes from, why it matched, its mitigations, and "Add and link". */
export function SuggestionItem({ suggestion: s, view, canAccept, busy, onAccept }: SuggestionItemProps) {
  return (
    <Box as="li" xcss={itemStyles} testId={`suggestion-${s.templateId}`}>
      <Stack space="space.075">
        <Inline space="space.075" alignBlock="center" shouldWrap>
          <SeverityLozenge band={s.severity.band} score={s.severity.score} />
          <Text weight="bold">{s.title}</Text>
          {s.generic && (
            <Explained help="Its rule matches every story: it says nothing about this one in particular.">
              <Lozenge>Generic</Lozenge>
            </Explained>
          )}
          {s.existingThreatId && <Lozenge appearance="new">{`In the model as ${s.existingThreatId}`}</Lozenge>}
        </Inline>
        <Text size="small" color="color.text.subtle">
          From {s.knowledgeBaseName} · STRIDE: {s.stride.map((c) => `${c} (${STRIDE_NAMES[c]})`).join(', ')}
        </Text>
        {s.reasons.length > 0 && <Text size="small">Why it matched: {s.reasons.join('; ')}</Text>}
        {s.mitigations.length > 0 && <SuggestedMitigations suggestion={s} />}
        {canAccept && <LinkSuggestion suggestion={s} view={view} busy={busy} onAccept={onAccept} />}
      </Stack>
    </Box>
  );
}

function SuggestedMitigations({ suggestion: s }: { suggestion: ThreatSuggestionView }) {
  return (
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
  );
}

/** "Link to" (the matched clause, or asks) and "Add and link" / "Link T-n". */
function LinkSuggestion({ suggestion: s, view, busy, onAccept }: Omit<SuggestionItemProps, 'canAccept'>) {
  const [picked, setPicked] = useState<string | undefined>(() => preselectedClause(s, view));
  const [error, setError] = useState<string>();
  const [accepting, setAccepting] = useState(false);
  // A clause removed meanwhile is no choice; the story's clauses are read again after each change.
  const chosen =
    picked === NEW_CLAUSE || view.clauses.some((c) => c.id === picked) ? picked : preselectedClause(s, view);
  const linked =
    s.existingThreatId !== undefined &&
    view.clauses.some(
      (c) =>
        c.threatIds.includes(s.existingThreatId!) && (chosen === undefined || chosen === NEW_CLAUSE || c.id === chosen),
    );
  const selectId = `suggestion-clause-${s.knowledgeBaseId}-${s.templateId}`;
  const action = s.existingThreatId ? `Link ${s.existingThreatId}` : 'Add and link';
  const matched = s.matchedClauseIds.filter((id) => view.clauses.some((c) => c.id === id)).length;
  const options: ClauseOption[] = [
    ...view.clauses.map((c) => ({ value: c.id, label: `WITHOUT ${c.text}` })),
    { value: NEW_CLAUSE, label: 'A new clause for this threat' },
  ];

  async function accept() {
    if (chosen === undefined) {
      setError('Choose the clause to link it to, or a new clause for this threat.');
      document.getElementById(selectId)?.focus();
      return;
    }
    setAccepting(true);
    setError(undefined);
    try {
      setError(await onAccept(s, chosen));
    } finally {
      setAccepting(false);
    }
  }

  return (
    <Stack space="space.075">
      {view.clauses.length > 0 && (
        <Stack space="space.050">
          <Label htmlFor={selectId}>Link to</Label>
          <Box xcss={chooserStyles}>
            <Select<ClauseOption>
              inputId={selectId}
              options={options}
              value={options.find((o) => o.value === chosen) ?? null}
              placeholder="Choose a clause…"
              isSearchable={false}
              // The whole clause, wrapped, rather than cut at a narrow panel's width.
              styles={{ singleValue: (base) => ({ ...base, whiteSpace: 'normal', textOverflow: 'clip' }) }}
              isDisabled={busy || accepting}
              onChange={(option) => {
                if (option) {
                  setPicked(option.value);
                  setError(undefined);
                }
              }}
            />
          </Box>
          {chosen === undefined && (
            <Text size="small" color="color.text.subtle">
              {matched > 1
                ? `It matched ${matched} of the story’s clauses: choose the one it threatens.`
                : 'It matched none of the story’s clauses: choose one, or a new clause.'}
            </Text>
          )}
        </Stack>
      )}
      <Inline space="space.075" alignBlock="center" shouldWrap>
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
      {error !== undefined && (
        <Text size="small" color="color.text.danger" as="p">
          <span role="alert">{error}</span>
        </Text>
      )}
    </Stack>
  );
}
