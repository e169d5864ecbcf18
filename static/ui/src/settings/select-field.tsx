import { Label } from '@atlaskit/form';
import { Stack, Text } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import { useId } from 'react';

export interface Option<T extends string> {
  value: T;
  label: string;
}

interface Props<T extends string> {
  /** Shown above the select; with `labelHidden`, only its accessible name. */
  label: string;
  labelHidden?: boolean;
  options: Option<T>[];
  value: T;
  readOnly: boolean;
  onChange: (value: T) => void;
}

/** A single choice; read only, the chosen label as text. */
export function SelectField<T extends string>({
  label,
  labelHidden = false,
  options,
  value,
  readOnly,
  onChange,
}: Props<T>) {
  const inputId = useId();
  const selected = options.find((option) => option.value === value);
  if (readOnly) {
    return (
      <Stack space="space.050">
        {!labelHidden && (
          <Text weight="semibold" size="small" color="color.text.subtle">
            {label}
          </Text>
        )}
        <Text>{selected?.label ?? value}</Text>
      </Stack>
    );
  }
  return (
    <Stack space="space.050">
      {!labelHidden && <Label htmlFor={inputId}>{label}</Label>}
      <Select<Option<T>>
        inputId={inputId}
        aria-label={labelHidden ? label : undefined}
        options={options}
        value={selected ?? null}
        isSearchable={options.length > 8}
        onChange={(option) => {
          if (option) onChange(option.value);
        }}
      />
    </Stack>
  );
}
