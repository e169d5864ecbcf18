import Button from '@atlaskit/button/new';
import { ErrorMessage, Label, RequiredAsterisk } from '@atlaskit/form';
import { Inline, Stack } from '@atlaskit/primitives';
import Textarea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { ChangeEvent, ReactNode } from 'react';

// The app's form fields: a label (with the asterisk outside it, so the accessible name stays
// exactly the label), the control, and its error, which the control names in aria-describedby.

interface FieldProps {
  label: string;
  htmlFor: string;
  errorId: string;
  error: string | undefined;
  required?: boolean;
  children: ReactNode;
}

export function Field({ label, htmlFor, errorId, error, required = false, children }: FieldProps) {
  return (
    <Stack space="space.050">
      <Inline space="space.025" alignBlock="baseline">
        <Label htmlFor={htmlFor}>{label}</Label>
        {required && <RequiredAsterisk />}
      </Inline>
      {children}
      <FieldError id={errorId} message={error} />
    </Stack>
  );
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (message === undefined) return null;
  return (
    <div id={id}>
      <ErrorMessage>{message}</ErrorMessage>
    </div>
  );
}

interface TextFieldProps {
  label: string;
  name: string;
  id: string;
  errorId: string;
  value: string;
  error: string | undefined;
  required?: boolean;
  onChange: (value: string) => void;
  onBlur: () => void;
}

/** One line of text. */
export function TextInputField({
  label,
  name,
  id,
  errorId,
  value,
  error,
  required = false,
  placeholder,
  onChange,
  onBlur,
}: TextFieldProps & { placeholder?: string }) {
  return (
    <Field label={label} htmlFor={id} error={error} errorId={errorId} required={required}>
      <Textfield
        id={id}
        name={name}
        value={value}
        {...(placeholder ? { placeholder } : {})}
        isInvalid={error !== undefined}
        isRequired={required}
        aria-describedby={error !== undefined ? errorId : undefined}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.currentTarget.value)}
        onBlur={onBlur}
      />
    </Field>
  );
}

/** Several lines of text, growing as the person types. */
export function TextAreaField({
  label,
  name,
  id,
  errorId,
  value,
  error,
  required = false,
  rows = 3,
  onChange,
  onBlur,
}: TextFieldProps & { rows?: number }) {
  return (
    <Field label={label} htmlFor={id} error={error} errorId={errorId} required={required}>
      <Textarea
        id={id}
        name={name}
        value={value}
        minimumRows={rows}
        resize="vertical"
        isRequired={required}
        isInvalid={error !== undefined}
        aria-describedby={error !== undefined ? errorId : undefined}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onChange(event.currentTarget.value)}
        onBlur={onBlur}
      />
    </Field>
  );
}

// A form in a dialog scrolls inside the dialog's body: its buttons stick to the body's bottom, so
// they are in sight when the dialog opens (at 1280x800 a threat's fields are taller than the body).
// z-index 0, not 1: the fields scrolling under it stay hidden, while a select's menu (z-index 1,
// @atlaskit/react-select) that opens over the buttons stays on top and takes the click.
const ACTIONS = {
  position: 'sticky',
  insetBlockEnd: 0,
  zIndex: 0,
  paddingBlock: token('space.100', '8px'),
  background: token('elevation.surface.overlay', '#FFFFFF'),
} as const;

/** A dialog form's Cancel and submit buttons, at the end of the form and always in sight. */
export function FormActions({
  submitLabel,
  submitting,
  onCancel,
}: {
  submitLabel: string;
  submitting: boolean;
  onCancel: () => void;
}) {
  return (
    <div style={ACTIONS}>
      <Inline space="space.100" alignInline="end">
        <Button appearance="subtle" onClick={onCancel}>
          Cancel
        </Button>
        <Button appearance="primary" type="submit" isDisabled={submitting}>
          {submitting ? 'Saving…' : submitLabel}
        </Button>
      </Inline>
    </div>
  );
}
