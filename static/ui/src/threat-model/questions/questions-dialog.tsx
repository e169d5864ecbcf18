import Button from '@atlaskit/button/new';
import { TitledDialog } from '../../common/titled-dialog';
import { Stack, Text } from '@atlaskit/primitives';
import type { StrideQuestionView, ThreatRow } from '../../../../../src/contract';
import { PeopleNamesProvider } from '../../people/people-names';
import { QuestionCard } from './question-card';
import type { AnswerPort } from './use-question-answer';

interface Props {
  threat: ThreatRow;
  /** The question catalogue of the threat model view, by question key. */
  questions: Record<string, StrideQuestionView>;
  /** Absent for people who may only read the threat model. */
  port: AnswerPort | undefined;
  onClose: () => void;
}

/** A threat's STRIDE questions with the team's answers; each answer is saved on its own. */
export function QuestionsDialog({ threat, questions, port, onClose }: Props) {
  const title = `STRIDE questions of ${threat.id}`;
  const asked = threat.questionKeys.flatMap((key) => (questions[key] ? [{ key, question: questions[key] }] : []));
  return (
    <TitledDialog title={title} width="large" onClose={onClose} footer={<Button onClick={onClose}>Close</Button>}>
      <PeopleNamesProvider>
        <Stack space="space.200">
          <Stack space="space.050">
            <Text weight="medium">{threat.title}</Text>
            <Text
              color="color.text.subtle"
              testId="questions-progress"
            >{`${threat.answeredQuestions} of ${threat.questionKeys.length} answered`}</Text>
          </Stack>
          {asked.length === 0 && <Text>No active knowledge base asks STRIDE questions about this threat.</Text>}
          {asked.map(({ key, question }) => (
            <QuestionCard
              key={key}
              threatId={threat.id}
              questionKey={key}
              question={question}
              saved={threat.answers?.[key]}
              port={port}
            />
          ))}
        </Stack>
      </PeopleNamesProvider>
    </TitledDialog>
  );
}
