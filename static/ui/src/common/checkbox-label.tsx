import { Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { useId, type ReactNode } from 'react';

const LABEL_STYLE = { display: 'inline-flex', alignItems: 'center', gap: token('space.075', '6px'), cursor: 'pointer' };
const BOX_STYLE = {
  margin: 0,
  width: '16px',
  height: '16px',
  accentColor: token('color.background.selected.bold', '#0C66E4'),
};

interface Props {
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}

// @atlaskit/checkbox is not a dependency; a native checkbox keeps keyboard and label behaviour for free.
export function CheckboxLabel({ checked, disabled = false, onChange, children }: Props) {
  const id = useId();
  return (
    <label htmlFor={id} style={LABEL_STYLE}>
      <input
        id={id}
        type="checkbox"
        style={BOX_STYLE}
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <Text>{children}</Text>
    </label>
  );
}
