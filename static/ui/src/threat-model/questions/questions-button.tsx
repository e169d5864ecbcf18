import Button from '@atlaskit/button/new';
import { Text } from '@atlaskit/primitives';
import type { ThreatListRow } from '../../../../../src/contract';

/** "Questions 1/2" in a threat's row: opens its STRIDE questions. */
export function QuestionsButton({
  threat,
  onOpen,
}: {
  threat: ThreatListRow;
  onOpen: (threat: ThreatListRow) => void;
}) {
  const total = threat.questionCount;
  if (total === 0) return <Text color="color.text.subtle">—</Text>;
  return (
    <Button
      spacing="compact"
      appearance="subtle"
      aria-label={`STRIDE questions of ${threat.id}: ${threat.answeredQuestions} of ${total} answered`}
      onClick={() => onOpen(threat)}
    >
      {`Questions ${threat.answeredQuestions}/${total}`}
    </Button>
  );
}
