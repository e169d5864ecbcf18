import Button from '@atlaskit/button/new';
import type { QuestionAnswerEdit } from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';
import { readModelAround, withThreat } from '../threat-model/model-around-threat';
import { QuestionsDialog } from '../threat-model/questions/questions-dialog';
import type { AnswerPort } from '../threat-model/questions/use-question-answer';
import { type ThreatFixProps, useThreatFix } from './use-threat-fix';

/** The fix of unanswered STRIDE questions, in place: the threat's questions, then the audit again if any answer was saved. */
export function AnswerQuestionsFix(props: ThreatFixProps) {
  const { view, setView, threat, opening, open, close, changed } = useThreatFix(props);

  const port: AnswerPort = {
    answer: async (edit: QuestionAnswerEdit) => {
      const envelope = await callResolver('threat-model/answer-question', edit);
      if (envelope.ok) {
        setView((current) => current && withThreat(current, envelope.data));
        changed();
      }
      return envelope;
    },
    reload: async () => {
      const model = await readModelAround(props.threatId);
      if (!model.ok) return model;
      setView(model.data);
      const threats = [...model.data.full.threats.values()];
      return { ok: true as const, data: { threats, mitigations: [], questions: model.data.questions } };
    },
  };

  return (
    <>
      <Button isDisabled={props.busy || opening} onClick={() => void open()}>
        {props.label}
      </Button>
      {view && threat && (
        <QuestionsDialog
          threat={threat}
          questions={view.questions}
          port={view.canEdit ? port : undefined}
          onClose={() => void close()}
        />
      )}
    </>
  );
}
