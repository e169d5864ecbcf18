import { fakeBridge, hostBridge } from '../test-support/host-bridge';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { QuestionAnswer } from '../../../../../src/domain/threat-model/question-answer';
import type { QuestionAnswerEdit, StrideQuestionView, ThreatRow } from '../../../../../src/contract';
import { ThreatModelTab } from '../threat-model-tab';
import { aThreatModel, aThreatRow, savedThreat, type ThreatModelFixture } from '../test-support/threat-model-mother';
import { rowOf } from '../test-support/threat-table-queries';
import { givenThreatModel, pageReadInFull } from '../test-support/given-threat-model';

const Q_T = 'web-and-api/WEB-Q-API-T';
const Q_I = 'web-and-api/WEB-Q-API-I';
const QUESTIONS: Record<string, StrideQuestionView> = {
  [Q_T]: {
    stride: 'T',
    topic: 'validation',
    text: 'Does the API validate every field it accepts?',
    why: 'Unvalidated input lets an attacker change amounts.',
    knowledgeBaseName: 'Web applications and APIs',
  },
  [Q_I]: {
    stride: 'I',
    topic: 'encryption-in-transit',
    text: 'Is every call made over TLS 1.2 or later?',
    why: 'Plain HTTP lets anyone on the path read card data.',
    knowledgeBaseName: 'Web applications and APIs',
  },
};
const BOBS: QuestionAnswer = {
  answer: 'yes',
  note: 'TLS 1.3 at the gateway',
  answered: { accountId: '712020:bob', at: '2026-11-20T09:00:00.000Z' },
};
const T1 = aThreatRow({
  id: 'T-1',
  stride: ['T', 'I'],
  probability: 4,
  impact: 5,
  questionKeys: [Q_T, Q_I],
  answeredQuestions: 1,
  answers: { [Q_I]: BOBS },
});
const T2 = aThreatRow({ id: 'T-2', title: 'Forged payment callback', questionKeys: [], answeredQuestions: 0 });

/** Whom Jira shows the viewer: alice and bob; anyone else is unknown. */
const DIRECTORY: Record<string, string> = { '712020:alice': 'Alice Admin', '712020:bob': 'Bob Developer' };
const givenPeople = () =>
  fakeBridge.answer('people/names', ({ accountIds }) => ({
    ok: true,
    data: Object.fromEntries(accountIds.flatMap((id) => (DIRECTORY[id] ? [[id, DIRECTORY[id]]] : []))),
  }));

const givenModel = (model: ThreatModelFixture) => givenThreatModel(model);

async function openQuestions(model = aThreatModel({ threats: [T1, T2], questions: QUESTIONS })) {
  givenModel(model);
  givenPeople();
  const user = userEvent.setup();
  render(<ThreatModelTab />);
  await screen.findByRole('table');
  await pageReadInFull();
  await user.click(within(rowOf('T-1')).getByRole('button', { name: 'STRIDE questions of T-1: 1 of 2 answered' }));
  const dialog = within(await screen.findByRole('dialog', { name: 'STRIDE questions of T-1' }));
  return { user, dialog };
}

/** What the backend answers: T-1 with this answer recorded now by alice. */
const answeredBy = (edit: QuestionAnswerEdit, base: ThreatRow = T1) => {
  const answers = { ...base.answers };
  if (edit.answer === null) delete answers[edit.questionKey];
  else
    answers[edit.questionKey] = {
      answer: edit.answer,
      note: (edit.note ?? '').trim(),
      answered: { accountId: '712020:alice', at: '2026-11-23T10:00:00.000Z' },
    };
  return { ok: true as const, data: { ...savedThreat('T-1', T1, base.revision + 1), answers } };
};

afterEach(() => hostBridge.reset());

describe('STRIDE questions of a threat', () => {
  it('shows in each row how many questions are answered; a threat without questions has none to open', async () => {
    givenModel(aThreatModel({ threats: [T1, T2], questions: QUESTIONS }));
    render(<ThreatModelTab />);
    await screen.findByRole('table');
    await pageReadInFull();
    expect(
      within(rowOf('T-1')).getByRole('button', { name: 'STRIDE questions of T-1: 1 of 2 answered' }).textContent,
    ).toBe('Questions 1/2');
    expect(within(rowOf('T-2')).queryByRole('button', { name: /STRIDE questions/ })).toBeNull();
  });

  it('lists each question with its STRIDE category, text, why it matters and the answer recorded', async () => {
    const { dialog } = await openQuestions();
    expect(dialog.getByTestId('questions-progress').textContent).toBe('1 of 2 answered');
    const tampering = within(dialog.getByRole('region', { name: QUESTIONS[Q_T]!.text }));
    expect(tampering.getByText('T — Tampering')).toBeTruthy();
    expect(tampering.getByText(`Why it matters: ${QUESTIONS[Q_T]!.why}`)).toBeTruthy();
    expect(tampering.getByText('Not answered yet')).toBeTruthy();
    const disclosure = within(dialog.getByRole('region', { name: QUESTIONS[Q_I]!.text }));
    expect((disclosure.getByRole('radio', { name: 'Yes' }) as HTMLInputElement).checked).toBe(true);
    expect((disclosure.getByLabelText('Note') as HTMLTextAreaElement).value).toBe('TLS 1.3 at the gateway');
    expect(await disclosure.findByText('Yes, answered by Bob Developer on 2026-11-20')).toBeTruthy();
    expect(fakeBridge.payloadsOf('people/names')).toEqual([{ accountIds: ['712020:bob'] }]);
  });

  it('says so when Jira does not show the person who answered', async () => {
    const gone: QuestionAnswer = { ...BOBS, answered: { accountId: '712020:gone', at: '2026-11-19T09:00:00.000Z' } };
    const { dialog } = await openQuestions(
      aThreatModel({ threats: [{ ...T1, answers: { [Q_I]: gone } }, T2], questions: QUESTIONS }),
    );
    const disclosure = within(dialog.getByRole('region', { name: QUESTIONS[Q_I]!.text }));
    expect(await disclosure.findByText('Yes, answered by someone Jira does not show you on 2026-11-19')).toBeTruthy();
  });

  it('leaves the name out when the names cannot be read', async () => {
    givenModel(aThreatModel({ threats: [T1, T2], questions: QUESTIONS }));
    fakeBridge.answer('people/names', () => ({
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'Jira is busy right now.' },
    }));
    const user = userEvent.setup();
    render(<ThreatModelTab />);
    await user.click(
      within(await screen.findByRole('row', { name: /T-1/ })).getByRole('button', { name: /STRIDE questions of T-1/ }),
    );
    const dialog = within(await screen.findByRole('dialog', { name: 'STRIDE questions of T-1' }));
    await waitFor(() => expect(fakeBridge.payloadsOf('people/names')).toHaveLength(1));
    const disclosure = within(dialog.getByRole('region', { name: QUESTIONS[Q_I]!.text }));
    expect(disclosure.getByText('Yes, answered on 2026-11-20')).toBeTruthy();
    expect(dialog.queryByRole('alert')).toBeNull();
  });

  it('saves one answer with its note by keyboard, naming that it was unanswered, and counts it in the row', async () => {
    const { user, dialog } = await openQuestions();
    fakeBridge.answer('threat-model/answer-question', (edit) => answeredBy(edit));
    const tampering = within(dialog.getByRole('region', { name: QUESTIONS[Q_T]!.text }));

    tampering.getByRole('radio', { name: 'No' }).focus();
    await user.keyboard(' ');
    expect((tampering.getByRole('radio', { name: 'No' }) as HTMLInputElement).checked).toBe(true);
    await user.tab();
    expect(document.activeElement).toBe(tampering.getByLabelText('Note'));
    await user.keyboard('The amount comes from the browser');
    await user.tab();
    expect(document.activeElement).toBe(tampering.getByRole('button', { name: 'Save answer' }));
    await user.keyboard('{Enter}');

    expect(await tampering.findByText('Saved: No, answered by Alice Admin on 2026-11-23')).toBeTruthy();
    expect(fakeBridge.payloadsOf('threat-model/answer-question')).toEqual([
      { threatId: 'T-1', questionKey: Q_T, answer: 'no', note: 'The amount comes from the browser', expectedAt: null },
    ]);
    expect(dialog.getByTestId('questions-progress').textContent).toBe('2 of 2 answered');
    expect(within(rowOf('T-1')).getByRole('button', { name: 'STRIDE questions of T-1: 2 of 2 answered' })).toBeTruthy();
  });

  it('changes and clears an answer from the one it started from', async () => {
    const { user, dialog } = await openQuestions();
    fakeBridge.answer('threat-model/answer-question', (edit) => answeredBy(edit));
    const disclosure = within(dialog.getByRole('region', { name: QUESTIONS[Q_I]!.text }));
    expect((disclosure.getByRole('button', { name: 'Save answer' }) as HTMLButtonElement).disabled).toBe(true);

    await user.click(disclosure.getByRole('button', { name: 'Clear answer' }));

    expect(await disclosure.findByText('Answer cleared')).toBeTruthy();
    expect(fakeBridge.payloadsOf('threat-model/answer-question')).toEqual([
      { threatId: 'T-1', questionKey: Q_I, answer: null, note: '', expectedAt: BOBS.answered.at },
    ]);
    expect(dialog.getByTestId('questions-progress').textContent).toBe('0 of 2 answered');
  });

  it('on a conflict offers Reload, shows the answer saved now and saves over it from there', async () => {
    const { user, dialog } = await openQuestions();
    fakeBridge.answer('threat-model/answer-question', () => ({
      ok: false,
      error: { code: 'CONFLICT', message: 'Someone else answered this question of T-1.' },
    }));
    const tampering = within(dialog.getByRole('region', { name: QUESTIONS[Q_T]!.text }));
    await user.click(tampering.getByRole('radio', { name: 'Not applicable' }));
    await user.click(tampering.getByRole('button', { name: 'Save answer' }));

    expect(await tampering.findByText('This question was answered meanwhile')).toBeTruthy();
    const carols: QuestionAnswer = {
      answer: 'no',
      note: 'Amounts are not checked',
      answered: { accountId: '712020:alice', at: '2026-11-22T08:00:00.000Z' },
    };
    const theirs = aThreatRow({ ...T1, revision: 2, answeredQuestions: 2, answers: { [Q_I]: BOBS, [Q_T]: carols } });
    givenModel(aThreatModel({ threats: [theirs, T2], questions: QUESTIONS }));
    await user.click(tampering.getByRole('button', { name: 'Reload' }));

    expect(
      await tampering.findByText(
        'Saved now: No, answered by Alice Admin on 2026-11-22 — Amounts are not checked. Save replaces it with yours.',
      ),
    ).toBeTruthy();
    expect((tampering.getByRole('radio', { name: 'Not applicable' }) as HTMLInputElement).checked).toBe(true);
    fakeBridge.answer('threat-model/answer-question', (edit) => answeredBy(edit, theirs));
    await user.click(tampering.getByRole('button', { name: 'Save answer' }));

    await waitFor(() => expect(fakeBridge.payloadsOf('threat-model/answer-question')).toHaveLength(2));
    expect(fakeBridge.payloadsOf('threat-model/answer-question')[1]).toMatchObject({
      answer: 'not-applicable',
      expectedAt: carols.answered.at,
    });
    expect(await tampering.findByText('Saved: Not applicable, answered by Alice Admin on 2026-11-23')).toBeTruthy();
  });

  it('shows a refused answer where it was given', async () => {
    const { user, dialog } = await openQuestions();
    fakeBridge.answer('threat-model/answer-question', () => ({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'A note can have at most 1000 characters' },
    }));
    const tampering = within(dialog.getByRole('region', { name: QUESTIONS[Q_T]!.text }));
    await user.click(tampering.getByRole('radio', { name: 'Yes' }));
    await user.click(tampering.getByRole('button', { name: 'Save answer' }));
    expect((await tampering.findByRole('alert')).textContent).toBe('A note can have at most 1000 characters');
  });

  it('checks a note with the domain’s text rule: 1000 emoji are sent whole, a bidi override is refused before sending', async () => {
    const { user, dialog } = await openQuestions();
    fakeBridge.answer('threat-model/answer-question', (edit) => answeredBy(edit));
    const tampering = within(dialog.getByRole('region', { name: QUESTIONS[Q_T]!.text }));
    await user.click(tampering.getByRole('radio', { name: 'Yes' }));
    await user.click(tampering.getByLabelText('Note'));
    await user.paste('Checked \u202Etxt');
    await user.click(tampering.getByRole('button', { name: 'Save answer' }));
    expect((await tampering.findByRole('alert')).textContent).toBe(
      'A note cannot contain invisible or control characters (U+202E at character 9)',
    );
    expect(fakeBridge.payloadsOf('threat-model/answer-question')).toEqual([]);

    const emoji = '\u{1F44D}\u{1F3FD}'.repeat(1000); // 👍🏽: one character, two code points
    await user.clear(tampering.getByLabelText('Note'));
    await user.paste(emoji);
    await user.click(tampering.getByRole('button', { name: 'Save answer' }));
    expect(await tampering.findByText('Saved: Yes, answered by Alice Admin on 2026-11-23')).toBeTruthy();
    expect(fakeBridge.payloadsOf('threat-model/answer-question')).toEqual([
      { threatId: 'T-1', questionKey: Q_T, answer: 'yes', note: emoji, expectedAt: null },
    ]);
  });

  it('is read only for people who may not edit the threat model', async () => {
    const { dialog } = await openQuestions(aThreatModel({ threats: [T1, T2], questions: QUESTIONS, canEdit: false }));
    expect(dialog.queryByRole('radio')).toBeNull();
    expect(dialog.queryByRole('button', { name: 'Save answer' })).toBeNull();
    const disclosure = within(dialog.getByRole('region', { name: QUESTIONS[Q_I]!.text }));
    expect(await disclosure.findByText('Yes, answered by Bob Developer on 2026-11-20')).toBeTruthy();
    expect(disclosure.getByText('TLS 1.3 at the gateway')).toBeTruthy();
    expect(dialog.getByText('Not answered yet')).toBeTruthy();
  });
});
