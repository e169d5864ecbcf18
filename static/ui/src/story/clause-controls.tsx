import Button from '@atlaskit/button/new';
import { Inline } from '@atlaskit/primitives';
import { useFocusOnRequest, useRequestFocus } from '../common/focus-request';
import { UNDO_BUTTON } from './undo-delete-bar';
import type { ClauseActions } from './use-story-clauses';

interface Props {
  clauseId: string;
  name: string;
  index: number;
  count: number;
  disabled: boolean;
  actions: Pick<ClauseActions, 'move' | 'remove'>;
  onEdit: () => void;
}

export const editButtonKey = (clauseId: string) => `edit:${clauseId}`;

export function ClauseControls({ clauseId, name, index, count, disabled, actions, onEdit }: Props) {
  const isFirst = index === 0;
  const isLast = index === count - 1;
  const editRef = useFocusOnRequest<HTMLButtonElement>(editButtonKey(clauseId), !disabled);
  const upRef = useFocusOnRequest<HTMLButtonElement>(`up:${clauseId}`, !disabled && !isFirst);
  const downRef = useFocusOnRequest<HTMLButtonElement>(`down:${clauseId}`, !disabled && !isLast);
  const deleteRef = useFocusOnRequest<HTMLButtonElement>(`delete:${clauseId}`, !disabled);
  const requestFocus = useRequestFocus();

  // Moving re-renders the list and disables every control; focus follows the clause it moved,
  // onto whichever of its move buttons still works at the new place.
  async function move(by: -1 | 1) {
    const moved = await actions.move(clauseId, by);
    const at = moved ? index + by : index;
    const direction = by === -1 ? (at > 0 ? 'up' : 'down') : at < count - 1 ? 'down' : 'up';
    requestFocus(`${direction}:${clauseId}`);
  }

  async function remove() {
    requestFocus((await actions.remove(clauseId)) ? UNDO_BUTTON : `delete:${clauseId}`);
  }

  return (
    <Inline space="space.050" shouldWrap>
      <Button
        ref={editRef}
        appearance="subtle"
        spacing="compact"
        aria-label={`Edit ${name}`}
        isDisabled={disabled}
        onClick={onEdit}
      >
        Edit
      </Button>
      <Button
        ref={upRef}
        appearance="subtle"
        spacing="compact"
        aria-label={`Move up ${name}`}
        isDisabled={disabled || isFirst}
        onClick={() => void move(-1)}
      >
        Move up
      </Button>
      <Button
        ref={downRef}
        appearance="subtle"
        spacing="compact"
        aria-label={`Move down ${name}`}
        isDisabled={disabled || isLast}
        onClick={() => void move(1)}
      >
        Move down
      </Button>
      <Button
        ref={deleteRef}
        appearance="subtle"
        spacing="compact"
        aria-label={`Delete ${name}`}
        isDisabled={disabled}
        onClick={() => void remove()}
      >
        Delete
      </Button>
    </Inline>
  );
}
