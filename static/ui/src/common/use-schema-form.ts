import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ZodType } from 'zod';

interface SchemaFormOptions<Values, Draft, Field extends keyof Values & string> {
  /** The domain's own schema: what it refuses is what the form shows, under the field. */
  schema: ZodType<Draft>;
  /** The fields in the order they are shown: the first invalid one gets the focus on submit. */
  fieldOrder: readonly Field[];
  initial: () => Values;
  /** Resolves to an error message to show in the form, or undefined when it has none to show. */
  onSubmit(draft: Draft): Promise<string | undefined>;
  onCancel(): void;
  /** Shown when onSubmit throws. */
  unexpectedFailure: string;
  /** The id of the control to focus when `field` is the first invalid one; the field's own id by default. */
  focusTarget?: (field: Field, values: Values, idOf: (name: string) => string) => string;
}

/**
 * The state of a form checked with a zod schema of the domain: values, which errors to show
 * (a field's once it was left, all once a submit was tried), one submit at a time, the focus
 * on the first invalid field, and Escape to cancel. `textField` binds a text field in one spread.
 */
export function useSchemaForm<Values, Draft, Field extends keyof Values & string>(
  options: SchemaFormOptions<Values, Draft, Field>,
) {
  const { schema, fieldOrder, onSubmit, onCancel, unexpectedFailure, focusTarget } = options;
  const baseId = useId();
  const idOf = (name: string) => `${baseId}-${name}`;
  const errorIdOf = (field: Field) => `${baseId}-${field}-error`;

  const [values, setValues] = useState<Values>(options.initial);
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [attempted, setAttempted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | undefined>();
  // State updates are asynchronous; the ref stops a second Enter from submitting twice.
  const submittingRef = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);

  const validate = (current: Values): { draft: Draft | undefined; errors: Partial<Record<Field, string>> } => {
    const parsed = schema.safeParse(current);
    if (parsed.success) return { draft: parsed.data, errors: {} };
    const errors: Partial<Record<Field, string>> = {};
    for (const issue of parsed.error.issues) {
      const field = fieldOrder.find((f) => f === issue.path[0]);
      if (field !== undefined && errors[field] === undefined) errors[field] = issue.message;
    }
    return { draft: undefined, errors };
  };

  const { errors } = validate(values);
  const shownError = (field: Field) => (attempted || touched[field] ? errors[field] : undefined);
  const describedBy = (field: Field) => (shownError(field) ? errorIdOf(field) : undefined);
  const change = <F extends keyof Values>(field: F, value: Values[F]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const touch = (field: Field) => setTouched((current) => (current[field] ? current : { ...current, [field]: true }));

  function focusFirstInvalid(fieldErrors: Partial<Record<Field, string>>) {
    const first = fieldOrder.find((field) => fieldErrors[field] !== undefined);
    if (first === undefined) return;
    const target = focusTarget ? focusTarget(first, values, idOf) : idOf(first);
    formRef.current?.querySelector<HTMLElement>(`[id="${target}"]`)?.focus();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submittingRef.current) return;
    setAttempted(true);
    const result = validate(values);
    if (result.draft === undefined) {
      focusFirstInvalid(result.errors);
      return;
    }
    submittingRef.current = true;
    setSubmitting(true);
    setSubmitError(undefined);
    let error: string | undefined;
    try {
      error = await onSubmit(result.draft);
    } catch {
      error = unexpectedFailure;
    }
    submittingRef.current = false;
    setSubmitting(false);
    setSubmitError(error);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    // An open select menu claims Escape (and prevents its default) to close itself.
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  }

  /** The props of a TextInputField or TextAreaField for a field whose value is text. */
  const textField = (field: Field & { [K in keyof Values]: Values[K] extends string ? K : never }[keyof Values]) => ({
    name: field,
    id: idOf(field),
    errorId: errorIdOf(field),
    value: values[field] as string,
    error: shownError(field),
    onChange: (value: string) => change(field, value as Values[typeof field]),
    onBlur: () => touch(field),
  });

  /** The props of the form element itself. */
  const formProps = {
    ref: formRef,
    noValidate: true,
    onSubmit: (event: FormEvent<HTMLFormElement>) => void handleSubmit(event),
    onKeyDown: handleKeyDown,
  };

  return {
    values,
    setValues,
    change,
    touch,
    shownError,
    describedBy,
    idOf,
    errorIdOf,
    textField,
    formProps,
    submitting,
    submitError,
  };
}
