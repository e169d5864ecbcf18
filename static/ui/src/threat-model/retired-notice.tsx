import Button from '@atlaskit/button/new';
import { Inline, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';

export interface RetiredThreat {
  id: string;
  title: string;
  /** The revision the retire answered with: Undo starts from it, so a change since is a conflict. */
  revision: number;
}

/** "T-4 retired" with Undo: retiring hides a threat from the table and from the story panels' pickers. */
export function RetiredNotice({
  retired,
  busy,
  onUndo,
  onDismiss,
}: {
  retired: RetiredThreat;
  busy: boolean;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  return (
    <SectionMessage appearance="information">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Text>
          {retired.id} retired: {retired.title}. It is hidden unless “Show retired threats” is on.
        </Text>
        <Button spacing="compact" isDisabled={busy} onClick={onUndo}>
          Undo
        </Button>
        <Button spacing="compact" appearance="subtle" onClick={onDismiss}>
          Dismiss
        </Button>
      </Inline>
    </SectionMessage>
  );
}
