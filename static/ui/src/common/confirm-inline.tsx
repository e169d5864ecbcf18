import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ReactNode } from 'react';

interface Props {
  /** What is about to happen, asked as a question: read before the choice. */
  question: ReactNode;
  /** The button that does it (warning appearance); absent when there is nothing to do, only Cancel. */
  confirm?: { label: ReactNode; onClick: () => void; ariaLabel?: string };
  onCancel: () => void;
  busy: boolean;
  /** Shown above the question: what the change acts on (a raw value, say). */
  children?: ReactNode;
  /** Shown after Cancel, on the same line (a link to the issue, say). */
  beside?: ReactNode;
}

/** Takes focus when mounted: the question, once the button that opened it is gone. */
const focusWhenMounted = (element: HTMLElement | null): void => element?.focus();

/**
 * An irreversible change asked for in place, instead of a dialog: the question, a warning button
 * and Cancel. The button that opened it has gone from the page, so focus moves to the question
 * (a keyboard or screen reader user hears what is asked before the choice, not the top of the frame).
 */
export function ConfirmInline({ question, confirm, onCancel, busy, children, beside }: Props) {
  return (
    <Stack space={children ? 'space.100' : 'space.050'} alignInline="start">
      {children}
      <span ref={focusWhenMounted} tabIndex={-1}>
        <Text size="small">{question}</Text>
      </span>
      <Inline space="space.050" shouldWrap alignBlock="center">
        {confirm && (
          <Button appearance="warning" isDisabled={busy} aria-label={confirm.ariaLabel} onClick={confirm.onClick}>
            {confirm.label}
          </Button>
        )}
        <Button appearance="subtle" onClick={onCancel}>
          Cancel
        </Button>
        {beside}
      </Inline>
    </Stack>
  );
}
