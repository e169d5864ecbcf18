import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import TextArea from '@atlaskit/textarea';
import { useId, useState, type KeyboardEvent } from 'react';
import { clauseTextError } from '../common/clause-text';
import { useFocusOnRequest, useRequestFocus } from '../common/focus-request';
import { ClauseTextError } from './clause-text-error';

interface Props {
  clauseId: string;
  initialText: string;
  /** "clause “…”", to name the field. */
  name: string;
  disabled: boolean;
  onSave: (text: string) => Promise<boolean>;
  onCancel: () => void;
}

export function ClauseEditor({ clauseId, initialText, name, disabled, onSave, onCancel }: Props) {
  const [text, setText] = useState(initialText);
  const [error, setError] = useState<string>();
  const errorId = useId();
  const focusKey = `editor:${clauseId}`;
  const areaRef = useFocusOnRequest<HTMLTextAreaElement>(focusKey, !disabled);
  const requestFocus = useRequestFocus();

  async function save() {
    const problem = clauseTextError(text);
    setError(problem);
    if (problem) return;
    // On failure the editor stays open with the text, next to the error above the list.
    if (!(await onSave(text.trim()))) requestFocus(focusKey);
  }

  // A clause is one sentence: Enter saves, Escape gives up the change.
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void save();
    }
  }

  return (
    <Stack space="space.075">
      <Inline space="space.100" alignBlock="baseline">
        <Text weight="bold">WITHOUT</Text>
        <Text size="small" color="color.text.subtlest">
          Enter saves, Escape cancels
        </Text>
      </Inline>
      <TextArea
        ref={areaRef}
        autoFocus
        aria-label={`Text of ${name}`}
        aria-describedby={error ? errorId : undefined}
        aria-invalid={error ? true : undefined}
        value={text}
        minimumRows={2}
        resize="vertical"
        isInvalid={error !== undefined}
        isDisabled={disabled}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setError(undefined);
        }}
        onKeyDown={onKeyDown}
      />
      <ClauseTextError id={errorId} message={error} />
      <Inline space="space.100">
        <Button appearance="primary" spacing="compact" isDisabled={disabled} onClick={() => void save()}>
          Save
        </Button>
        <Button appearance="subtle" spacing="compact" isDisabled={disabled} onClick={onCancel}>
          Cancel
        </Button>
      </Inline>
    </Stack>
  );
}
