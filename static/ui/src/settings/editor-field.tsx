import { ErrorMessage, Label } from '@atlaskit/form';
import { Stack, Text } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import { useId } from 'react';
import { selectedOptions, type EditorOption } from './editor-options';

interface Props {
  label: string;
  options: EditorOption[];
  selectedIds: string[];
  readOnly: boolean;
  error?: string;
  emptyText: string;
  onChange: (ids: string[]) => void;
}

/** A multi-select of project roles or groups; read only, the names as text. */
export function EditorField({ label, options, selectedIds, readOnly, error, emptyText, onChange }: Props) {
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const value = selectedOptions(options, selectedIds);

  if (readOnly) {
    return (
      <Stack space="space.050">
        <Text weight="semibold" size="small" color="color.text.subtle">
          {label}
        </Text>
        <Text>{value.length > 0 ? value.map((option) => option.label).join(', ') : emptyText}</Text>
      </Stack>
    );
  }

  return (
    <Stack space="space.050">
      <Label htmlFor={inputId}>{label}</Label>
      <Select<EditorOption, true>
        inputId={inputId}
        isMulti
        options={options}
        value={value}
        placeholder={emptyText}
        isInvalid={error !== undefined}
        aria-describedby={error !== undefined ? errorId : undefined}
        onChange={(picked) => onChange(picked.map((option) => option.value))}
      />
      {error !== undefined && (
        <div id={errorId}>
          <ErrorMessage>{error}</ErrorMessage>
        </div>
      )}
    </Stack>
  );
}
