import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { VerificationView } from '../../../../src/contract';
import { ok } from '../../../../src/domain/common/envelope';
import { fakeBridge, hostBridge } from '../threat-model/test-support/host-bridge';
import { VerificationTab } from './verification-tab';

afterEach(() => hostBridge.reset());

const failedRecord = {
  source: 'sarif' as const,
  outcome: 'fail' as const,
  evidence: '',
  note: '1 open result of CodeQL mapped to it.',
  tool: 'CodeQL',
  results: [{ ruleId: 'js/reflected-xss', cwe: ['CWE-79'], message: 'XSS', location: 'src/receipt.ts:42' }],
  resultCount: 1,
  recorded: { accountId: '712020:alice', at: '2026-11-23T10:00:00.000Z' },
};

const aView = (over: Partial<VerificationView> = {}): VerificationView => ({
  projectKey: 'PAY',
  mitigations: [
    {
      id: 'M-1',
      title: 'Tokenise stored cards',
      status: 'existing',
      revision: 3,
      threats: [{ id: 'T-4', title: 'Saved card used by someone else' }],
      failed: false,
      records: [],
    },
    {
      id: 'M-5',
      title: 'Encode output',
      status: 'existing',
      revision: 2,
      threats: [{ id: 'T-7', title: 'Session hijacked' }],
      failed: true,
      records: [failedRecord],
    },
  ],
  rules: [],
  targets: [
    { id: 'T-7', title: 'Session hijacked' },
    { id: 'M-5', title: 'Encode output' },
  ],
  canEdit: true,
  problems: [],
  ...over,
});

describe('the verification tab', () => {
  it('shows which mitigations failed verification, with the result and who recorded it', async () => {
    fakeBridge.answer('verification/get', () => ok(aView()));
    fakeBridge.answer('people/names', () => ok({ '712020:alice': 'Alice Admin' }));
    render(<VerificationTab />);
    const m5 = await screen.findByTestId('verification-M-5');
    expect(within(m5).getByText('Verification failed')).toBeTruthy();
    expect(within(m5).getByText(/js\/reflected-xss at src\/receipt\.ts:42/)).toBeTruthy();
    expect(await within(m5).findByText(/by Alice Admin$/)).toBeTruthy();
    expect(within(screen.getByTestId('verification-M-1')).getByText('Not verified')).toBeTruthy();
    expect(screen.getByTestId('verification-summary').textContent).toMatch(/1 mitigation in place failed verification/);
  });

  it('shows a stored evidence link that is not https as text, never as a link', async () => {
    const stored = (evidence: string) => ({
      source: 'manual' as const,
      outcome: 'pass' as const,
      evidence,
      note: '',
      recorded: { accountId: '712020:alice', at: '2026-11-23T10:00:00.000Z' },
    });
    const [m1, m5] = aView().mitigations;
    fakeBridge.answer('verification/get', () =>
      ok(
        aView({
          mitigations: [
            { ...m1!, records: [stored('javascript:alert(document.domain)')] },
            { ...m5!, records: [stored('https://ci.example.com/7')] },
          ],
        }),
      ),
    );
    fakeBridge.answer('people/names', () => ok({}));
    render(<VerificationTab />);
    const m1Row = await screen.findByTestId('verification-M-1');
    expect(within(m1Row).queryByRole('link')).toBeNull();
    expect(within(m1Row).getByText(/not an https link\): javascript:alert/)).toBeTruthy();
    const m5Row = screen.getByTestId('verification-M-5');
    expect(
      within(m5Row)
        .getByRole('link', { name: /Evidence/ })
        .getAttribute('href'),
    ).toBe('https://ci.example.com/7');
  });

  it('records a note by hand: refuses a link that is not https, then sends the note from the revision shown', async () => {
    fakeBridge.answer('verification/get', () => ok(aView()));
    const sent: unknown[] = [];
    fakeBridge.answer('verification/record-note', (payload) => {
      sent.push(payload);
      const view = aView();
      view.mitigations[0]!.records = [
        {
          source: 'manual',
          outcome: 'pass',
          evidence: 'https://ci.example.com/7',
          note: '',
          recorded: failedRecord.recorded,
        },
      ];
      return ok(view);
    });
    const user = userEvent.setup();
    render(<VerificationTab />);
    await user.click(await screen.findByRole('button', { name: 'Record verification of M-1' }));
    const form = screen.getByRole('form', { name: 'Verification note for M-1' });
    await user.click(within(form).getByLabelText('Pass: it works'));
    await user.type(within(form).getByLabelText('Evidence link'), 'http://ci.example.com/7');
    await user.click(within(form).getByRole('button', { name: 'Record' }));
    expect(within(form).getByText('An evidence link must be an https:// address')).toBeTruthy();
    expect(sent).toEqual([]);

    await user.clear(within(form).getByLabelText('Evidence link'));
    await user.type(within(form).getByLabelText('Evidence link'), 'https://ci.example.com/7');
    await user.click(within(form).getByRole('button', { name: 'Record' }));
    expect(await within(screen.getByTestId('verification-M-1')).findByText('Verified')).toBeTruthy();
    expect(sent).toEqual([
      {
        mitigationId: 'M-1',
        baseRevision: 3,
        draft: { outcome: 'pass', evidence: 'https://ci.example.com/7', note: '' },
      },
    ]);
  });

  it('shows people who may not edit the results, without the upload and the buttons', async () => {
    fakeBridge.answer('verification/get', () => ok(aView({ canEdit: false })));
    render(<VerificationTab />);
    await screen.findByTestId('verification-M-5');
    expect(screen.queryByLabelText('SARIF file')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Record verification/ })).toBeNull();
    expect(screen.getByText(/^Read only: recording results changes the threat model/)).toBeTruthy();
  });
});
