import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import Select, { AsyncSelect } from '@atlaskit/select';
import { useRef, useState } from 'react';
import type { AuditView, StoryMatch } from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';
import { ClauseInput } from '../common/clause-input';
import { newClauseId } from '../common/new-clause-id';
import { showSuccessFlag } from '../common/success-flag';
import { CLAUSE_FIELD_STYLE, useDraftedClause } from './clause-from-threat';
import { DisabledFix } from './disabled-fix';
import { DoneLine, useFixDone } from './fix-focus';
import { useRowState } from './row-memory';
import type { useAudit } from './use-audit';

interface Props {
  threatId: string;
  label: string;
  view: AuditView;
  busy: boolean;
  act: ReturnType<typeof useAudit>['act'];
  onError: (message: string | undefined) => void;
}

type StoryOption = { value: string; label: string; story: StoryMatch };
type ClauseOption = { value: string; label: string };

/** A new clause, or one the story has: the first option of the clause picker. */
const NEW_CLAUSE = 'new';

/** The picker asks again only once the person stops typing for this long. */
const TYPING_PAUSE_MS = 300;

// Width as the "link a threat" fix's picker: options are whole summaries, which would widen the table.
const PICKER_STYLE = { width: '16em', maxWidth: '100%' };

/**
 * The fix for a threat linked to no story, in place: find a story of the project (by key or words
 * of its summary, searched as the person), then link the threat to one of its WITHOUT clauses or
 * to a new one, drafted from the threat's title. Saved through the story save path as the person;
 * the audit then runs again, and the finding goes.
 */
export function LinkStoryFix({ threatId, label, view, busy, act, onError }: Props) {
  const title = view.threats.find((t) => t.id === threatId)?.title ?? '';
  const [story, setStory] = useRowState<StoryMatch | undefined>('story', undefined);
  const [clauseId, setClauseId] = useRowState('clause-id', NEW_CLAUSE);
  const clause = useDraftedClause(title);
  const { done, sayDone, line } = useFixDone(view);
  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);
  // The newest stories, read when the picker first opens: a tab with many such findings must not
  // search once per row just by showing them.
  const [newest, setNewest] = useState<StoryOption[]>();
  const [readingNewest, setReadingNewest] = useState(false);
  const typedQuery = useRef('');

  if (!view.canEditStories)
    return (
      <DisabledFix
        label={label}
        reason={`You can’t edit ${view.projectKey}’s stories, so you can’t link ${threatId} to one here.`}
      />
    );
  // Until the audit that runs now is done, the finding stays: the row says what was done.
  if (done) return <DoneLine text={done} focusRef={line.ref} />;

  const findStories = async (query: string): Promise<StoryOption[]> => {
    const found = await callResolver('audit/find-stories', { query });
    if (!found.ok) {
      onError(found.error.message);
      return [];
    }
    return found.data.stories.map((s) => ({ value: s.key, label: `${s.key} ${s.summary}`, story: s }));
  };
  // Asks once the person stops typing: the promises of the keys before are left unanswered,
  // and the picker waits only for the last one.
  const loadStories = (query: string): Promise<StoryOption[]> =>
    new Promise((resolve) => {
      clearTimeout(typing.current);
      typing.current = setTimeout(() => void findStories(query).then(resolve), TYPING_PAUSE_MS);
    });
  const readNewest = async () => {
    if (newest || readingNewest) return;
    setReadingNewest(true);
    setNewest(await findStories(''));
    setReadingNewest(false);
  };

  const clauseOptions: ClauseOption[] = [
    { value: NEW_CLAUSE, label: 'A new WITHOUT clause' },
    ...(story?.clauses ?? []).map((c) => ({ value: c.id, label: `WITHOUT ${c.text}` })),
  ];
  const storyId = `link-story-${threatId}`;
  const clausePickerId = `link-story-clause-${threatId}`;

  async function link() {
    if (!story) return;
    const text = clauseId === NEW_CLAUSE ? clause.take() : undefined;
    if (clauseId === NEW_CLAUSE && text === undefined) return;
    const payload =
      text !== undefined
        ? { issueKey: story.key, threatId, newClause: { id: newClauseId(), text } }
        : { issueKey: story.key, threatId, clauseId };
    const failed = await act('audit/link-story', payload, `Linking ${threatId} to ${story.key}`);
    onError(failed);
    if (failed) return;
    const said = `Linked ${threatId} to ${story.key}. The audit runs again.`;
    sayDone(said);
    showSuccessFlag(`Linked ${threatId} to ${story.key}`, said);
  }

  return (
    <Stack space="space.075" alignInline="start">
      <Inline space="space.050" alignBlock="center" shouldWrap>
        <label htmlFor={storyId}>
          <Text size="small">Story</Text>
        </label>
        <Box style={PICKER_STYLE}>
          <AsyncSelect<StoryOption>
            inputId={storyId}
            aria-label={`Story to link ${threatId} to`}
            defaultOptions={newest ?? []}
            loadOptions={loadStories}
            // Opened by typing, the picker searches what was typed: the newest are for an empty field.
            onInputChange={(input, { action }) => {
              const cleared = action === 'input-change' && input === '' && typedQuery.current !== '';
              typedQuery.current = input;
              // Typed, then cleared with the keyboard: the picker shows its default options, the
              // newest stories, which were never read when it was opened by typing.
              if (cleared) {
                clearTimeout(typing.current);
                void readNewest();
              }
            }}
            onMenuOpen={() => {
              if (typedQuery.current === '') void readNewest();
            }}
            isLoading={readingNewest || undefined}
            value={story ? { value: story.key, label: `${story.key} ${story.summary}`, story } : null}
            placeholder="Key or words…"
            noOptionsMessage={({ inputValue }) =>
              inputValue ? `No story of ${view.projectKey} matches “${inputValue}”` : 'No stories'
            }
            isDisabled={busy}
            spacing="compact"
            menuPlacement="auto"
            onChange={(option) => {
              setStory(option?.story);
              setClauseId(NEW_CLAUSE);
            }}
          />
        </Box>
      </Inline>
      {/* The picker cuts a long summary: the story chosen is named whole under it. */}
      {story && (
        <Text size="small" color="color.text.subtle">
          {story.key}: {story.summary}
        </Text>
      )}
      {story && story.clauses.length > 0 && (
        <Inline space="space.050" alignBlock="center" shouldWrap>
          <label htmlFor={clausePickerId}>
            <Text size="small">Clause</Text>
          </label>
          <Box style={PICKER_STYLE}>
            <Select<ClauseOption>
              inputId={clausePickerId}
              options={clauseOptions}
              value={clauseOptions.find((o) => o.value === clauseId) ?? clauseOptions[0]}
              isDisabled={busy}
              spacing="compact"
              menuPlacement="auto"
              onChange={(option) => setClauseId(option?.value ?? NEW_CLAUSE)}
            />
          </Box>
        </Inline>
      )}
      {story && clauseId === NEW_CLAUSE && (
        <Box style={CLAUSE_FIELD_STYLE}>
          <ClauseInput
            label={`New WITHOUT clause of ${story.key} for ${threatId}`}
            value={clause.text}
            error={clause.error}
            disabled={busy}
            onChange={clause.change}
            onEnter={() => void link()}
          />
        </Box>
      )}
      <Button appearance="primary" isDisabled={busy || !story} onClick={() => void link()}>
        {story ? `Link ${threatId} to ${story.key}` : label}
      </Button>
    </Stack>
  );
}
