import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { audit, threat } from '../../../../src/domain/audit/audit-fixtures';
import type { StrideQuestionView } from '../../../../src/contract';
import { aThreatModel, aThreatRow, savedThreat } from '../threat-model/test-support/threat-model-mother';
import { fakeBridge } from '../test-support/fake-bridge';
import { AuditTab } from './audit-tab';
import { anAuditView } from './test-support/audit-view-mother';
import { serveThreatModel } from '../threat-model/test-support/given-threat-model';

const Q_S = 'web-and-api/WEB-Q-API-S';
const QUESTIONS: Record<string, StrideQuestionView> = {
  [Q_S]: {
    stride: 'S',
    topic: 'authentication',
    text: 'How does every caller prove who it is?',
    why: 'Anyone could call it.',
    knowledgeBaseName: 'Web applications and APIs',
  },
};
const CARD = threat('T-1', { title: 'Card data stolen', stride: ['S'], probability: 4, impact: 5 });

afterEach(() => fakeBridge.reset());

describe('the audit fix for unanswered STRIDE questions', () => {
  it('opens the threat’s questions in place and audits again once an answer is saved', async () => {
    const result = audit({ threats: [CARD], questionKeys: { 'T-1': [Q_S] } });
    const view = anAuditView({
      completedAt: '2026-11-23T09:00:05.000Z',
      run: { state: 'done', startedAt: null, updatedAt: null, progress: null, error: null },
      result,
    });
    fakeBridge.answer('audit/get', () => ({ ok: true, data: view }));
    fakeBridge.answer('audit/run', () => ({
      ok: true,
      data: anAuditView({
        ...view,
        result: { ...result, findings: result.findings.filter((f) => f.kind !== 'questions-unanswered') },
      }),
    }));
    const row = aThreatRow({
      id: 'T-1',
      title: 'Card data stolen',
      stride: ['S'],
      probability: 4,
      impact: 5,
      questionKeys: [Q_S],
    });
    serveThreatModel(() => ({
      ok: true,
      data: aThreatModel({ threats: [row], questions: QUESTIONS }),
    }));
    fakeBridge.answer('threat-model/answer-question', (edit) => ({
      ok: true,
      data: {
        ...savedThreat('T-1', row, 2),
        answers: {
          [edit.questionKey]: {
            answer: 'yes',
            note: '',
            answered: { accountId: '712020:bob', at: '2026-11-23T10:00:00.000Z' },
          },
        },
      },
    }));
    const user = userEvent.setup();
    render(<AuditTab />);

    const finding = await screen.findByTestId('finding-questions-unanswered:T-1');
    expect(
      within(finding).getByText('T-1 "Card data stolen" (Critical) has 1 of 1 STRIDE question unanswered.'),
    ).toBeTruthy();
    expect(within(finding).getByText('Critical threat with unanswered STRIDE questions')).toBeTruthy();
    await user.click(within(finding).getByRole('button', { name: 'Answer its STRIDE questions' }));

    const dialog = within(await screen.findByRole('dialog', { name: 'STRIDE questions of T-1' }));
    await user.click(dialog.getByRole('radio', { name: 'Yes' }));
    await user.click(dialog.getByRole('button', { name: 'Save answer' }));
    expect(await dialog.findByText('1 of 1 answered')).toBeTruthy();
    await user.click(dialog.getByRole('button', { name: 'Close' }));

    await waitFor(() => expect(fakeBridge.payloadsOf('audit/run')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByTestId('finding-questions-unanswered:T-1')).toBeNull());
  });

  it('closing without an answer does not audit again', async () => {
    const result = audit({ threats: [CARD], questionKeys: { 'T-1': [Q_S] } });
    fakeBridge.answer('audit/get', () => ({
      ok: true,
      data: anAuditView({ completedAt: '2026-11-23T09:00:05.000Z', result }),
    }));
    serveThreatModel(() => ({
      ok: true,
      data: aThreatModel({
        threats: [aThreatRow({ id: 'T-1', questionKeys: [Q_S] })],
        questions: QUESTIONS,
        canEdit: false,
      }),
    }));
    const user = userEvent.setup();
    render(<AuditTab />);
    const finding = await screen.findByTestId('finding-questions-unanswered:T-1');
    await user.click(within(finding).getByRole('button', { name: 'Answer its STRIDE questions' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'STRIDE questions of T-1' }));
    expect(dialog.queryByRole('radio')).toBeNull();
    await user.click(dialog.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fakeBridge.payloadsOf('audit/run')).toEqual([]);
  });
});
