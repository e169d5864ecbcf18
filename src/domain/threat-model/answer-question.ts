import { AppError } from '../common/app-error';
import type { AnswerValue, QuestionAnswer, QuestionAnswers } from './question-answer';
import type { Threat } from './threat';
import { findThreat, reviseThreat, type Actor, type ThreatModel } from './threat-model';

export interface QuestionAnswerChange {
  threatId: string;
  questionKey: string;
  /** null clears the answer. */
  answer: AnswerValue | null;
  note: string;
  /** When the answer the person started from was given; null: they saw it unanswered. */
  expectedAt: string | null;
}

const answeredText = (a: QuestionAnswer | undefined): string =>
  a ? `answered "${a.answer}" at ${a.answered.at}` : 'unanswered';

/**
 * Records (or clears) the team's answer to one STRIDE question of a threat. A conflict is checked
 * per question, against the answer the person started from, not against the threat's revision:
 * two people answering different questions of one threat at once both keep their answers. The
 * threat's revision still grows, as with every change of it.
 */
export function answerQuestion(
  model: ThreatModel,
  change: QuestionAnswerChange,
  askedKeys: readonly string[],
  actor: Actor,
): { model: ThreatModel; threat: Threat } {
  const current = findThreat(model, change.threatId);
  if (!askedKeys.includes(change.questionKey)) {
    throw new AppError(
      'NOT_FOUND',
      `"${change.questionKey}" is not one of the STRIDE questions asked about ${current.id} (the project's knowledge bases may have changed). Reload to see its questions.`,
    );
  }
  const before = current.answers?.[change.questionKey];
  if ((before?.answered.at ?? null) !== change.expectedAt) {
    throw new AppError(
      'CONFLICT',
      `Someone else answered this question of ${current.id} while you were answering (now ${answeredText(before)}). Reload to see their answer.`,
    );
  }
  if (change.answer === null && before === undefined) return { model, threat: current };
  const { [change.questionKey]: _replaced, ...others } = current.answers ?? {};
  const answers: QuestionAnswers =
    change.answer === null
      ? others
      : {
          ...others,
          [change.questionKey]: {
            answer: change.answer,
            note: change.note.trim(),
            answered: { accountId: actor.accountId, at: actor.now },
          },
        };
  const { answers: _old, ...rest } = current;
  return reviseThreat(model, { ...rest, ...(Object.keys(answers).length > 0 ? { answers } : {}) }, actor);
}
