import Button from '@atlaskit/button/new';
import { useEffect } from 'react';
import { Stack } from '@atlaskit/primitives';
import { ClauseInput, useClauseText } from '../common/clause-input';
import { useEditing } from '../common/editing';
import { useFocusOnRequest, useRequestFocus } from '../common/focus-request';
import { PendingNotice } from '../common/pending-notice';

export const ADD_FIELD = 'add-clause';

interface Props {
  disabled: boolean;
  /** A change started here is under way: "Saving…", then "Jira is slow", under the field. */
  saving: boolean;
  /** Grows when a Retry saved the clause this field failed to add: the field is cleared as on a save. */
  savedOnRetry: number;
  onAdd: (text: string) => Promise<boolean>;
}

export function AddClauseField({ disabled, saving, savedOnRetry, onAdd }: Props) {
  const clause = useClauseText();
  const { clear } = clause;
  useEffect(() => {
    if (savedOnRetry > 0) clear();
  }, [savedOnRetry, clear]);
  // A clause being typed counts as editing: the live refresh waits for it.
  useEditing(clause.text.trim().length > 0);
  const inputRef = useFocusOnRequest<HTMLInputElement>(ADD_FIELD, !disabled);
  const requestFocus = useRequestFocus();

  async function submit() {
    const text = clause.take();
    if (text === undefined) return;
    // What was typed stays in the field when the save fails, to try again.
    if (await onAdd(text)) clause.clear();
    requestFocus(ADD_FIELD);
  }

  return (
    <Stack space="space.050">
      <ClauseInput
        label="New WITHOUT clause"
        placeholder="having my card data stolen"
        value={clause.text}
        error={clause.error}
        disabled={disabled}
        inputRef={inputRef}
        onChange={clause.change}
        onEnter={() => void submit()}
      >
        <Button isDisabled={disabled} onClick={() => void submit()}>
          Add
        </Button>
      </ClauseInput>
      <PendingNotice pending={saving} />
    </Stack>
  );
}
