import Button from '@atlaskit/button/new';
import { useState } from 'react';
import type { QuestionAnswerEdit, ThreatModelView } from '../../../../src/contract';
import { callResolver } from '../api/invoke-resolver';
import { withThreat } from '../threat-model/model-updates';
import { QuestionsDialog } from '../threat-model/questions/questions-dialog';
import type { AnswerPort } from '../threat-model/questions/use-question-answer';
import type { useAudit } from './use-audit';

interface Props {
  threatId: string;
  label: string;
  busy: boolean;
  act: ReturnType<typeof useAudit>['act'];
  onError: (message: string | undefined) => void;
}

/** The fix of unanswered STRIDE questions, in place: the threat's questions, then the audit again if any answer was saved. */
export function AnswerQuestionsFix({ threatId, label, busy, act, onError }: Props) {
  const [view, setView] = useState<ThreatModelView>();
  const [opening, setOpening] = useState(false);
  const [answered, setAnswered] = useState(false);

  async function open() {
    setOpening(true);
    const envelope = await callResolver('threat-model/get', {});
    setOpening(false);
    if (!envelope.ok) return onError(envelope.error.message);
    if (!envelope.data.threats.some((t) => t.id === threatId))
      return onError(`${threatId} is no longer in the threat model.`);
    onError(undefined);
    setView(envelope.data);
  }

  async function close() {
    setView(undefined);
    if (!answered) return;
    setAnswered(false);
    onError(await act('audit/run', {}, 'Auditing again'));
  }

  const port: AnswerPort = {
    answer: async (edit: QuestionAnswerEdit) => {
      const envelope = await callResolver('threat-model/answer-question', edit);
      if (envelope.ok) {
        setView((current) => current && withThreat(current, envelope.data));
        setAnswered(true);
      }
      return envelope;
    },
    reload: async () => {
      const envelope = await callResolver('threat-model/get', {});
      if (envelope.ok) setView(envelope.data);
      return envelope;
    },
  };
  const threat = view?.threats.find((t) => t.id === threatId);

  return (
    <>
      <Button isDisabled={busy || opening} onClick={() => void open()}>
        {label}
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
