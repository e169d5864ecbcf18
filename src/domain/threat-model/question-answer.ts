import { z } from 'zod';
import { personText } from '../common/text-hygiene';

// The team's answers to a threat's STRIDE questions, stored on the threat by question key
// (`<knowledge base id>/<question id>`). Absent on threats nobody answered a question of.

export const QUESTION_NOTE_MAX = 1000;
export const QUESTION_KEY_MAX = 200;

export const AnswerValue = z.enum(['yes', 'no', 'not-applicable']);
export type AnswerValue = z.infer<typeof AnswerValue>;

/** The note a person adds to an answer, as they write it (the stored note is read as saved). */
export const QuestionNote = personText({ label: 'A note', min: 0, max: QUESTION_NOTE_MAX, multiline: true });

export const ANSWER_LABELS: Record<AnswerValue, string> = { yes: 'Yes', no: 'No', 'not-applicable': 'Not applicable' };

export const QuestionAnswer = z.object({
  answer: AnswerValue,
  note: z.string(),
  /** Who answered, and when: `at` is also what the next change of this answer names to detect a conflict. */
  answered: z.object({ accountId: z.string(), at: z.string() }),
});
export type QuestionAnswer = z.infer<typeof QuestionAnswer>;

export const QuestionAnswers = z.record(z.string().max(QUESTION_KEY_MAX), QuestionAnswer);
export type QuestionAnswers = z.infer<typeof QuestionAnswers>;

export const questionKey = (knowledgeBaseId: string, questionId: string): string => `${knowledgeBaseId}/${questionId}`;

/** How many of the questions asked have an answer (answers to questions no longer asked do not count). */
export const answeredCount = (keys: readonly string[], answers: QuestionAnswers | undefined): number =>
  answers ? keys.filter((key) => answers[key] !== undefined).length : 0;
