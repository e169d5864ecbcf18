import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { Radio } from '@atlaskit/radio';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import { useId } from 'react';
import {
  ANSWER_LABELS,
  AnswerValue,
  type QuestionAnswer,
} from '../../../../../src/domain/threat-model/question-answer';
import type { StrideQuestionView } from '../../../../../src/contract';
import { STRIDE_NAMES } from '../../../../../src/domain/threat-model/stride';
import { byWhom, usePersonName } from '../../people/people-names';
import { InlineError } from '../../common/inline-error';
import { ConflictNotice } from '../../common/conflict-notice';
import { useQuestionAnswer, type AnswerPort } from './use-question-answer';

const CARD = {
  border: `1px solid ${token('color.border', '#091E4224')}`,
  borderRadius: token('radius.small', '3px'),
  padding: token('space.150', '12px'),
};
const FIELDSET = {
  border: 'none',
  margin: 0,
  padding: 0,
  display: 'flex',
  gap: token('space.200', '16px'),
  alignItems: 'center',
  flexWrap: 'wrap' as const,
};

interface Props {
  threatId: string;
  questionKey: string;
  question: StrideQuestionView;
  saved: QuestionAnswer | undefined;
  /** Absent for people who may only read the threat model. */
  port: AnswerPort | undefined;
}

const answeredLine = (a: QuestionAnswer, name: string | null | undefined) =>
  `${ANSWER_LABELS[a.answer]}, answered${byWhom(name)} on ${a.answered.at.slice(0, 10)}`;

/** One STRIDE question: what it asks and why, and the team's answer, saved on its own. */
export function QuestionCard({ threatId, questionKey, question, saved, port }: Props) {
  const textId = useId();
  return (
    <section aria-labelledby={textId} style={CARD}>
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="center">
          <Lozenge appearance="inprogress">{`${question.stride} — ${STRIDE_NAMES[question.stride]}`}</Lozenge>
          <Text size="small" color="color.text.subtle">
            {question.topic.replace(/-/g, ' ')}
          </Text>
        </Inline>
        <Text as="p" weight="medium" id={textId}>
          {question.text}
        </Text>
        <Text as="p" color="color.text.subtle">{`Why it matters: ${question.why}`}</Text>
        {port ? (
          <AnswerForm threatId={threatId} questionKey={questionKey} saved={saved} port={port} />
        ) : (
          <ReadOnlyAnswer saved={saved} />
        )}
      </Stack>
    </section>
  );
}

function ReadOnlyAnswer({ saved }: { saved: QuestionAnswer | undefined }) {
  const name = usePersonName(saved?.answered.accountId);
  if (!saved) return <Text weight="medium">Not answered yet</Text>;
  return (
    <Stack space="space.050">
      <Text weight="medium">{answeredLine(saved, name)}</Text>
      {saved.note !== '' && <Text>{saved.note}</Text>}
    </Stack>
  );
}

function AnswerForm({
  threatId,
  questionKey,
  saved,
  port,
}: {
  threatId: string;
  questionKey: string;
  saved: QuestionAnswer | undefined;
  port: AnswerPort;
}) {
  const edit = useQuestionAnswer(threatId, questionKey, saved, port);
  const noteId = useId();
  const name = useId();
  const { notice } = edit;
  const answeredName = usePersonName(edit.answered?.answered.accountId);
  const current = notice?.kind === 'reloaded' ? notice.current : undefined;
  const currentName = usePersonName(current?.answered.accountId);
  return (
    <Stack space="space.100">
      <fieldset style={FIELDSET} disabled={edit.saving}>
        <legend style={{ float: 'left', marginRight: token('space.100', '8px') }}>
          <Text weight="medium">Answer</Text>
        </legend>
        {AnswerValue.options.map((value) => (
          <span key={value} style={{ display: 'inline-flex' }}>
            <Radio
              name={name}
              value={value}
              label={ANSWER_LABELS[value]}
              isChecked={edit.choice === value}
              isDisabled={edit.saving}
              onChange={() => edit.choose(value)}
            />
          </span>
        ))}
      </fieldset>
      <Stack space="space.050">
        <Label htmlFor={noteId}>Note</Label>
        <TextArea
          id={noteId}
          value={edit.note}
          minimumRows={2}
          placeholder="How the system stands, or where that is decided"
          onChange={(e) => edit.editNote(e.currentTarget.value)}
          isDisabled={edit.saving}
        />
      </Stack>
      {notice?.kind === 'conflict' && (
        <ConflictNotice
          title="This question was answered meanwhile"
          message="Someone else answered this question while you were answering. Reload to see their answer; yours stays selected."
          reloading={notice.reloading}
          reloadError={notice.reloadError}
          onReload={() => void edit.reload()}
        />
      )}
      {notice?.kind === 'reloaded' && (
        <Text as="p" color="color.text.subtle">
          {notice.current
            ? `Saved now: ${answeredLine(notice.current, currentName)}${notice.current.note ? ` — ${notice.current.note}` : ''}. Save replaces it with yours.`
            : 'Saved now: no answer. Save records yours.'}
        </Text>
      )}
      {notice?.kind === 'error' && <InlineError>{notice.message}</InlineError>}
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Button
          appearance="primary"
          isDisabled={edit.saving || edit.choice === null || (!edit.dirty && notice?.kind !== 'reloaded')}
          onClick={() => void edit.save()}
        >
          {edit.saving ? 'Saving…' : 'Save answer'}
        </Button>
        {edit.answered && (
          <Button appearance="subtle" isDisabled={edit.saving} onClick={() => void edit.clear()}>
            Clear answer
          </Button>
        )}
        <span role="status">
          <Text size="small" color="color.text.subtle">
            {notice?.kind === 'saved'
              ? edit.answered
                ? `Saved: ${answeredLine(edit.answered, answeredName)}`
                : 'Answer cleared'
              : edit.answered
                ? answeredLine(edit.answered, answeredName)
                : 'Not answered yet'}
          </Text>
        </span>
      </Inline>
    </Stack>
  );
}
