import { useState } from 'react';
import type { Envelope } from '../../../../../src/domain/common/envelope';
import {
  QuestionNote,
  type AnswerValue,
  type QuestionAnswer,
} from '../../../../../src/domain/threat-model/question-answer';
import type { QuestionAnswerEdit, ThreatsAnswer } from '../../../../../src/contract';
import type { ThreatView } from '../../../../../src/domain/threat-model/threat-view';

export interface AnswerPort {
  answer: (edit: QuestionAnswerEdit) => Promise<Envelope<ThreatView>>;
  reload: () => Promise<Envelope<ThreatsAnswer>>;
}

type Notice =
  | { kind: 'saved' }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; reloading: boolean; reloadError?: string }
  /** After a conflict: the answer saved now, which the next save replaces. */
  | { kind: 'reloaded'; current: QuestionAnswer | undefined };

/**
 * One question's answer being edited. A save names the answer it started from (its time), so
 * someone else's answer to the same question is never overwritten unseen; answers to the other
 * questions of the threat do not get in the way.
 */
export function useQuestionAnswer(
  threatId: string,
  questionKey: string,
  saved: QuestionAnswer | undefined,
  port: AnswerPort,
) {
  const [startedFrom, setStartedFrom] = useState(saved);
  const [choice, setChoice] = useState<AnswerValue | null>(saved?.answer ?? null);
  const [note, setNote] = useState(saved?.note ?? '');
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice>();

  const dirty = choice !== (startedFrom?.answer ?? null) || note.trim() !== (startedFrom?.note ?? '');

  async function save(answer: AnswerValue | null) {
    // The domain's rule for the note, not the browser's maxLength (which counts UTF-16 units):
    // refused here with the message the resolver would answer.
    const checked = answer === null ? undefined : QuestionNote.safeParse(note);
    if (checked && !checked.success)
      return setNotice({ kind: 'error', message: checked.error.issues[0]?.message ?? 'The note cannot be saved.' });
    setSaving(true);
    setNotice(undefined);
    const envelope = await port.answer({
      threatId,
      questionKey,
      answer,
      note: answer === null ? '' : note,
      expectedAt: startedFrom?.answered.at ?? null,
    });
    setSaving(false);
    if (envelope.ok) {
      const now = envelope.data.answers?.[questionKey];
      setStartedFrom(now);
      setChoice(now?.answer ?? null);
      setNote(now?.note ?? '');
      setNotice({ kind: 'saved' });
    } else if (envelope.error.code === 'CONFLICT') {
      setNotice({ kind: 'conflict', reloading: false });
    } else {
      setNotice({ kind: 'error', message: envelope.error.message });
    }
  }

  async function reload() {
    setNotice({ kind: 'conflict', reloading: true });
    const envelope = await port.reload();
    if (!envelope.ok) return setNotice({ kind: 'conflict', reloading: false, reloadError: envelope.error.message });
    const threat = envelope.data.threats.find((t) => t.id === threatId);
    if (!threat) return setNotice({ kind: 'error', message: `${threatId} is no longer in the threat model.` });
    const current = threat.answers?.[questionKey];
    setStartedFrom(current);
    setNotice({ kind: 'reloaded', current });
  }

  return {
    choice,
    note,
    saving,
    dirty,
    notice,
    answered: startedFrom,
    choose: setChoice,
    editNote: setNote,
    save: () => save(choice),
    clear: () => save(null),
    reload,
  };
}
