import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useCallback, useState } from 'react';
import { ClauseInput, useClauseText } from '../../common/clause-input';
import { closeFieldEditor, submitFieldValue } from './field-bridge';
import { ClauseTextRow } from './clause-text-row';
import { NEW_CLAUSE, useClauseDraft } from './use-clause-draft';
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
export function ClausesFieldEditor({ fieldValue, creating, openedByUser }: Props) {
  const draft = useClauseDraft(fieldValue);
  const newClause = useClauseText();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const focus = useFocusTargets();
  const { clauses } = draft;

  const cancel = useCallback(() => void closeFieldEditor(), []);
  useEscape(saving ? undefined : cancel);

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
    setSaving(true);
    setSaveError(undefined);
    try {
      await submitFieldValue(checked.value);
    } catch (error) {
      setSaveError(`Could not save the clauses: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setSaving(false);
    }
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
              onSave={() => void save()}
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
      {saveError && (
        <Box role="alert">
          <Text as="p" color="color.text.danger">
            {saveError}
          </Text>
        </Box>
      )}
      <Inline space="space.100" alignBlock="center">
        <Button appearance="primary" isDisabled={saving} onClick={() => void save()}>
          {creating ? 'Use these clauses' : 'Save'}
        </Button>
        <Button appearance="subtle" isDisabled={saving} onClick={cancel}>
          Cancel
        </Button>
        <Box role="status">
          <Text size="small" color="color.text.subtlest">
            {saving ? 'Saving…' : ''}
          </Text>
        </Box>
      </Inline>
    </Stack>
  );
}
