import Button from '@atlaskit/button/new';
import { Inline, Stack } from '@atlaskit/primitives';
import { ClauseInput, useClauseText } from '../common/clause-input';
import { useFocusOnRequest, useRequestFocus } from '../common/focus-request';

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
  const clause = useClauseText(initialText);
  const focusKey = `editor:${clauseId}`;
  const inputRef = useFocusOnRequest<HTMLInputElement>(focusKey, !disabled);
  const requestFocus = useRequestFocus();

  async function save() {
    const text = clause.take();
    if (text === undefined) return;
    // On failure the editor stays open with the text, next to the error above the list.
    if (!(await onSave(text))) requestFocus(focusKey);
  }

  return (
    <Stack space="space.075">
      <ClauseInput
        label={`Text of ${name}`}
        value={clause.text}
        error={clause.error}
        disabled={disabled}
        autoFocus
        inputRef={inputRef}
        onChange={clause.change}
        onEnter={() => void save()}
        onEscape={onCancel}
      />
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
