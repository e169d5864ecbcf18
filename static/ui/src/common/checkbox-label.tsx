import Checkbox from '@atlaskit/checkbox';
import { type ReactNode } from 'react';

interface Props {
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}

/** A labelled on/off choice: the @atlaskit checkbox, its label the children (a click on them toggles it). */
export function CheckboxLabel({ checked, disabled = false, onChange, children }: Props) {
  return (
    <Checkbox
      isChecked={checked}
      isDisabled={disabled}
      onChange={(event) => onChange(event.currentTarget.checked)}
      label={<>{children}</>}
    />
  );
}
