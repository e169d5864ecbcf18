import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useId, useState, type KeyboardEvent } from 'react';
import { clauseTextError } from '../common/clause-text';
import { useEditing } from '../common/editing';
import { useFocusOnRequest, useRequestFocus } from '../common/focus-request';
import { ClauseTextError } from './clause-text-error';

export const ADD_FIELD = 'add-clause';

const fieldStyles = xcss({ flexGrow: 1 });
const prefixStyles = xcss({ whiteSpace: 'nowrap' });

interface Props {
  disabled: boolean;
  onAdd: (text: string) => Promise<boolean>;
}

export function AddClauseField({ disabled, onAdd }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  // A clause being typed counts as editing: the live refresh waits for it.
  useEditing(text.trim().length > 0);
  const errorId = useId();
  const inputRef = useFocusOnRequest<HTMLInputElement>(ADD_FIELD, !disabled);
  const requestFocus = useRequestFocus();

  async function submit() {
    const problem = clauseTextError(text);
    setError(problem);
    if (problem) return;
    // What was typed stays in the field when the save fails, to try again.
    if (await onAdd(text.trim())) setText('');
    requestFocus(ADD_FIELD);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void submit();
  }

  return (
    <Stack space="space.050">
      <Inline space="space.100" alignBlock="center">
        <Box xcss={fieldStyles}>
          <Textfield
            ref={inputRef}
            aria-label="New WITHOUT clause"
            aria-describedby={error ? errorId : undefined}
            aria-invalid={error ? true : undefined}
            placeholder="having my card data stolen"
            elemBeforeInput={
              <Box paddingInlineStart="space.100" xcss={prefixStyles}>
                <Text weight="bold">WITHOUT</Text>
              </Box>
            }
            value={text}
            isInvalid={error !== undefined}
            isDisabled={disabled}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setError(undefined);
            }}
            onKeyDown={onKeyDown}
          />
        </Box>
        <Button isDisabled={disabled} onClick={() => void submit()}>
          Add
        </Button>
      </Inline>
      <ClauseTextError id={errorId} message={error} />
    </Stack>
  );
}
