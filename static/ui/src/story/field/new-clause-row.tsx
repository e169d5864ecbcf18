import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, xcss } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useId, type KeyboardEvent, type Ref } from 'react';
import { ClauseTextError } from '../clause-text-error';
import { WithoutPrefix } from './without-prefix';

const fieldStyles = xcss({ flexGrow: 1 });

interface Props {
  text: string;
  error: string | undefined;
  disabled: boolean;
  autoFocus: boolean;
  inputRef: Ref<HTMLInputElement>;
  onChange: (text: string) => void;
  onAdd: () => void;
}

export function NewClauseRow({ text, error, disabled, autoFocus, inputRef, onChange, onAdd }: Props) {
  const errorId = useId();

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    onAdd();
  }

  return (
    <Stack space="space.050">
      <Inline space="space.100" alignBlock="center">
        <Box xcss={fieldStyles}>
          <Textfield
            ref={inputRef}
            autoFocus={autoFocus}
            aria-label="New WITHOUT clause"
            aria-describedby={error ? errorId : undefined}
            aria-invalid={error ? true : undefined}
            placeholder="having my card data stolen"
            elemBeforeInput={<WithoutPrefix />}
            value={text}
            isInvalid={error !== undefined}
            isDisabled={disabled}
            onChange={(event) => onChange(event.currentTarget.value)}
            onKeyDown={onKeyDown}
          />
        </Box>
        <Button isDisabled={disabled} onClick={onAdd}>
          Add clause
        </Button>
      </Inline>
      <ClauseTextError id={errorId} message={error} />
    </Stack>
  );
}
