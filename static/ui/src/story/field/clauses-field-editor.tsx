import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ClauseInput, useClauseText } from '../../common/clause-input';
import { usePatientChange } from '../../common/patient-change';
import { PendingNotice, RetryableFailure } from '../../common/pending-notice';
import { closeFieldEditor, submitFieldValue, submitToForm } from './field-bridge';
import { ClauseTextRow } from './clause-text-row';
import { NEW_CLAUSE, useClauseDraft, type Preview } from './use-clause-draft';
import { useEscape } from './use-escape';
import { useFocusTargets } from './use-focus-targets';

const listStyles = xcss({
  display: 'flex',
  flexDirection: 'column',
  gap: 'space.100',
  listStyle: 'none',
  margin: 'space.0',
  padding: 'space.0',
});

interface Props {
  fieldValue: unknown;
  creating: boolean;
  /** Take focus on the first field: Jira opened the editor because the field was clicked. */
  openedByUser: boolean;
}

// Edits the clauses' texts; their threat links are made in the story's WITHOUT clauses panel.
// On the issue view, Save stores them; on issue-create, what is typed goes into the create
// form as it is typed (Jira keeps the last value submitted and stores it with the issue).
export function ClausesFieldEditor({ fieldValue, creating, openedByUser }: Props) {
  const draft = useClauseDraft(fieldValue);
  const newClause = useClauseText();
  const change = usePatientChange<null>();
  const saving = change.pending;
  const focus = useFocusTargets();
  const { clauses } = draft;
  const form = useCreateForm(creating, draft.preview(newClause.text));

  const cancel = useCallback(() => void closeFieldEditor(), []);
  useEscape(saving || creating ? undefined : cancel);

  function add() {
    const problem = draft.add(newClause.text);
    if (problem) newClause.fail(problem);
    else newClause.clear();
    focus.request(NEW_CLAUSE);
  }

  // Focus goes to the clause that takes its place, else the one before, else the add field.
  function remove(id: string, index: number) {
    const next = clauses[index + 1] ?? clauses[index - 1];
    draft.remove(id);
    focus.request(next?.id ?? NEW_CLAUSE);
  }

  async function save() {
    const checked = draft.check(newClause.text);
    if (!checked.ok) {
      newClause.fail(checked.newClauseError);
      focus.request(checked.firstInvalid);
      return;
    }
    newClause.clear();
    // Retry submits the same value again: Jira stores the field as given, so twice is once.
    await change.run({ send: () => submitFieldValue(checked.value) });
  }

  return (
    <Stack space="space.150">
      {draft.storedIsInvalid && (
        <SectionMessage appearance="warning">
          <Text as="p">The stored value is not valid. Saving replaces it.</Text>
        </SectionMessage>
      )}
      {clauses.length > 0 && (
        <Box as="ul" xcss={listStyles} aria-label="WITHOUT clauses">
          {clauses.map((clause, index) => (
            <ClauseTextRow
              key={clause.id}
              clause={clause}
              label={`WITHOUT clause ${index + 1}`}
              error={draft.errors[clause.id]}
              disabled={saving}
              autoFocus={openedByUser && index === 0}
              inputRef={focus.ref(clause.id)}
              onChange={(text) => draft.changeText(clause.id, text)}
              onRemove={() => remove(clause.id, index)}
              onSave={() => {
                // On issue-create the value is already in the form; Enter has nothing to save.
                if (!creating) void save();
              }}
            />
          ))}
        </Box>
      )}
      <ClauseInput
        label="New WITHOUT clause"
        placeholder="having my card data stolen"
        value={newClause.text}
        error={newClause.error}
        disabled={saving}
        autoFocus={openedByUser && clauses.length === 0}
        inputRef={focus.ref(NEW_CLAUSE)}
        onChange={newClause.change}
        onEnter={add}
      >
        <Button isDisabled={saving} onClick={add}>
          Add clause
        </Button>
      </ClauseInput>
      <Text as="p" size="small" color="color.text.subtlest">
        {creating
          ? 'Link threats in the WITHOUT clauses panel once the issue exists.'
          : 'Link threats in the WITHOUT clauses panel; each clause keeps its links here.'}
      </Text>
      {creating ? (
        <CreateFormNote count={form.count} leftOut={form.leftOut} error={form.error} />
      ) : (
        <>
          {change.failure && (
            <RetryableFailure failure={change.failure} title="Could not save the clauses" disabled={saving} />
          )}
          <Inline space="space.100" alignBlock="center">
            <Button appearance="primary" isDisabled={saving} onClick={() => void save()}>
              Save
            </Button>
            <Button appearance="subtle" isDisabled={saving} onClick={cancel}>
              Cancel
            </Button>
            <PendingNotice pending={saving} />
          </Inline>
        </>
      )}
    </Stack>
  );
}

/**
 * On issue-create: puts the field's value into the create form whenever it changes, nothing
 * before the person types. Answers what the form holds, to say so on screen.
 */
function useCreateForm(creating: boolean, preview: Preview) {
  const [error, setError] = useState<string>();
  const json = JSON.stringify(preview.value);
  const sent = useRef<string | undefined>(undefined);
  const first = useRef(true);

  useEffect(() => {
    if (!creating) return;
    // The first value is the one Jira gave the form; only what the person changes is sent.
    if (first.current) {
      first.current = false;
      sent.current = json;
      return;
    }
    if (json === sent.current) return;
    sent.current = json;
    submitToForm(JSON.parse(json) as Preview['value']).then(
      () => setError(undefined),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, [creating, json]);

  return { count: preview.value.clauses.length, leftOut: preview.leftOut, error };
}

function CreateFormNote({ count, leftOut, error }: { count: number; leftOut: number; error: string | undefined }) {
  const clauses = count === 1 ? '1 WITHOUT clause' : `${count} WITHOUT clauses`;
  return (
    <Box role="status" aria-live="polite">
      {error ? (
        <Text as="p" color="color.text.danger">
          Jira did not take the clauses into the form: {error}
        </Text>
      ) : (
        <Text as="p">
          {count === 0 ? 'Clauses typed here are saved with the issue.' : `${clauses} will be saved with the issue.`}
          {leftOut > 0 ? ` ${leftOut === 1 ? 'One text is' : `${leftOut} texts are`} left out until fixed.` : ''}
        </Text>
      )}
    </Box>
  );
}
