import Button from '@atlaskit/button/new';
import { Box, Inline, Text, xcss } from '@atlaskit/primitives';
import { useEffect, useRef } from 'react';
import { useFocusOnRequest } from '../common/focus-request';

export const UNDO_BUTTON = 'undo-delete';
/** How long the undo stays offered; longer while focus is inside it. */
export const UNDO_OFFERED_MS = 20_000;

const barStyles = xcss({
  backgroundColor: 'color.background.neutral',
  borderRadius: 'radius.medium',
  paddingBlock: 'space.075',
  paddingInline: 'space.150',
});

interface Props {
  clauseText: string;
  disabled: boolean;
  onUndo: () => void;
  onDismiss: () => void;
  /** The offer ran out, with focus elsewhere. */
  onExpire: () => void;
}

export function UndoDeleteBar({ clauseText, disabled, onUndo, onDismiss, onExpire }: Props) {
  const barRef = useRef<HTMLDivElement>(null);
  const undoRef = useFocusOnRequest<HTMLButtonElement>(UNDO_BUTTON, !disabled);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const expireUnlessFocused = () => {
      if (barRef.current?.contains(document.activeElement)) timer = setTimeout(expireUnlessFocused, UNDO_OFFERED_MS);
      else onExpire();
    };
    timer = setTimeout(expireUnlessFocused, UNDO_OFFERED_MS);
    return () => clearTimeout(timer);
  }, [clauseText, onExpire]);

  return (
    <Box ref={barRef} role="status" xcss={barStyles}>
      <Inline space="space.100" alignBlock="center" spread="space-between">
        <Text>Clause deleted: WITHOUT {clauseText}</Text>
        <Inline space="space.050">
          <Button ref={undoRef} spacing="compact" isDisabled={disabled} onClick={onUndo}>
            Undo
          </Button>
          <Button appearance="subtle" spacing="compact" isDisabled={disabled} onClick={onDismiss}>
            Dismiss
          </Button>
        </Inline>
      </Inline>
    </Box>
  );
}
