import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useCallback, useId, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { graphemeCount } from '../../../../src/domain/common/text-hygiene';
import { CLAUSE_TEXT_MAX } from '../../../../src/domain/story/without-clause';
import { clauseTextError, withoutPrefixDropped } from './clause-text';

// The one field a WITHOUT clause is typed into, in the story panel (adding, editing) and in the
// custom field's editor (each clause, adding): the "WITHOUT" it reads after, the count of the
// characters left near the limit, the keys, and the rule's message tied to the field.

const fieldStyles = xcss({ flexGrow: 1 });
const prefixStyles = xcss({ whiteSpace: 'nowrap' });

/** From this many characters on, the field says how many are left. */
const COUNT_FROM = CLAUSE_TEXT_MAX - 50;

/** How close the text is to the clause's limit, counted as the rule counts (what a person sees as one character). */
function lengthNote(text: string): string | undefined {
  const count = graphemeCount(text.trim(), CLAUSE_TEXT_MAX);
  if (count < COUNT_FROM) return undefined;
  if (count > CLAUSE_TEXT_MAX) return `More than ${CLAUSE_TEXT_MAX} characters`;
  const left = CLAUSE_TEXT_MAX - count;
  return left === 1 ? '1 character left' : `${left} characters left`;
}

interface ClauseInputProps {
  /** The field's accessible name: "New WITHOUT clause", "Text of clause “…”", "WITHOUT clause 2". */
  label: string;
  value: string;
  /** Why the text cannot be saved (the shared rule's message, or the caller's own), shown under the field. */
  error: string | undefined;
  disabled: boolean;
  onChange: (text: string) => void;
  /** Enter: saves or adds the clause. */
  onEnter?: () => void;
  /** Escape: gives up the change. Without it, Escape is left to the page (the field's editor closes on it). */
  onEscape?: () => void;
  placeholder?: string;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** Buttons on the field's line, after it (Add, Remove). */
  children?: ReactNode;
}

export function ClauseInput({
  label,
  value,
  error,
  disabled,
  onChange,
  onEnter,
  onEscape,
  placeholder,
  autoFocus = false,
  inputRef,
  children,
}: ClauseInputProps) {
  const errorId = useId();
  const noteId = useId();
  // The error, when there is one, says all the count would.
  const note = error === undefined ? lengthNote(value) : undefined;
  const describedBy = error !== undefined ? errorId : note !== undefined ? noteId : undefined;

  // A clause is one sentence: Enter saves it, Escape gives it up (not while an IME is composing).
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter' && onEnter) {
      event.preventDefault();
      onEnter();
    } else if (event.key === 'Escape' && onEscape) {
      event.preventDefault();
      onEscape();
    }
  }

  return (
    <Stack space="space.050">
      <Inline space="space.100" alignBlock="center">
        <Box xcss={fieldStyles}>
          <Textfield
            ref={inputRef}
            autoFocus={autoFocus}
            aria-label={label}
            aria-describedby={describedBy}
            aria-invalid={error !== undefined ? true : undefined}
            {...(placeholder ? { placeholder } : {})}
            elemBeforeInput={
              <Box paddingInlineStart="space.100" xcss={prefixStyles}>
                <Text weight="bold">WITHOUT</Text>
              </Box>
            }
            value={value}
            isInvalid={error !== undefined}
            isDisabled={disabled}
            onChange={(event) => onChange(withoutPrefixDropped(event.currentTarget.value))}
            onKeyDown={onKeyDown}
          />
        </Box>
        {children}
      </Inline>
      {error !== undefined && (
        <Text as="p" id={errorId} size="small" color="color.text.danger">
          {error}
        </Text>
      )}
      {note !== undefined && (
        <Text as="p" id={noteId} size="small" color="color.text.subtlest">
          {note}
        </Text>
      )}
      {onEnter && onEscape && (
        <Text as="p" size="small" color="color.text.subtlest">
          Enter saves, Escape cancels
        </Text>
      )}
    </Stack>
  );
}

/** The text of one ClauseInput and its message: cleared as the person types, set when they try to save. */
export interface ClauseText {
  text: string;
  error: string | undefined;
  change(text: string): void;
  /** The text to save (trimmed) if the shared rule takes it; otherwise undefined, and the rule's message shows. */
  take(): string | undefined;
  /** Shows a message found elsewhere (too many clauses), or none. */
  fail(problem: string | undefined): void;
  /** Empties the field once its text is saved. */
  clear(): void;
}

export function useClauseText(initial = ''): ClauseText {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string>();

  const change = useCallback((next: string) => {
    setText(next);
    setError(undefined);
  }, []);

  const take = useCallback(() => {
    const problem = clauseTextError(text);
    setError(problem);
    return problem === undefined ? text.trim() : undefined;
  }, [text]);

  const clear = useCallback(() => change(''), [change]);

  return { text, error, change, take, fail: setError, clear };
}
