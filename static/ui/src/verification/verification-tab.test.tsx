import { render, screen, waitFor, within } from '@testing-library/react';
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
      latest: null,
    },
    {
      id: 'M-5',
      title: 'Encode output',
      status: 'existing',
      revision: 2,
      threats: [{ id: 'T-7', title: 'Session hijacked' }],
      failed: true,
      latest: failedRecord,
    },
  ],
  shown: { offset: 0, failedOnly: false },
  total: 2,
  failedCount: 1,
  rules: [],
  ruleTargets: [],
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
            { ...m1!, latest: stored('javascript:alert(document.domain)') },
            { ...m5!, latest: stored('https://ci.example.com/7') },
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
      view.mitigations[0]!.latest = {
        source: 'manual',
        outcome: 'pass',
        evidence: 'https://ci.example.com/7',
        note: '',
        recorded: failedRecord.recorded,
      };
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
        shown: { offset: 0, failedOnly: false },
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

  it('pages a long list: the next page is read from the backend, and a note answers the page the person is on', async () => {
    const row = (n: number) => ({ ...aView().mitigations[0]!, id: `M-${n}`, title: `Mitigation ${n}` });
    const asked: unknown[] = [];
    fakeBridge.answer('verification/get', (payload) => {
      asked.push(payload);
      const { offset = 0 } = payload as { offset?: number };
      const rows = Array.from({ length: 50 }, (_, i) => row(offset + i + 1));
      return ok(aView({ mitigations: rows, shown: { offset, failedOnly: false }, total: 120, failedCount: 0 }));
    });
    const sent: unknown[] = [];
    fakeBridge.answer('verification/record-note', (payload) => {
      sent.push(payload);
      return ok(aView({ mitigations: [row(51)], shown: { offset: 50, failedOnly: false }, total: 120 }));
    });
    fakeBridge.answer('people/names', () => ok({}));
    const user = userEvent.setup();
    render(<VerificationTab />);
    await screen.findByTestId('verification-M-50');
    expect(screen.getByTestId('pager-position').textContent).toMatch(/^1–50 of 120 mitigations/);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByTestId('verification-M-100');
    expect(screen.queryByTestId('verification-M-1')).toBeNull();
    expect(asked).toEqual([
      { offset: 0, failedOnly: false },
      { offset: 50, failedOnly: false },
    ]);
    await user.click(screen.getByRole('button', { name: 'Record verification of M-51' }));
    const form = screen.getByRole('form', { name: 'Verification note for M-51' });
    await user.click(within(form).getByLabelText('Pass: it works'));
    await user.click(within(form).getByRole('button', { name: 'Record' }));
    await screen.findByText(/^51–51 of 120 mitigations/);
    expect(sent).toMatchObject([{ mitigationId: 'M-51', shown: { offset: 50, failedOnly: false } }]);
  });

  it('shows only the mitigations that failed verification on request', async () => {
    const asked: unknown[] = [];
    fakeBridge.answer('verification/get', (payload) => {
      asked.push(payload);
      const { failedOnly = false } = payload as { failedOnly?: boolean };
      const all = aView();
      return ok(
        failedOnly
          ? aView({ mitigations: all.mitigations.filter((m) => m.failed), shown: { offset: 0, failedOnly }, total: 1 })
          : all,
      );
    });
    fakeBridge.answer('people/names', () => ok({}));
    const user = userEvent.setup();
    render(<VerificationTab />);
    await screen.findByTestId('verification-M-1');
    await user.click(screen.getByLabelText('Only mitigations that failed verification'));
    await waitFor(() => expect(screen.queryByTestId('verification-M-1')).toBeNull());
    expect(screen.getByTestId('verification-M-5')).toBeTruthy();
    expect(asked).toEqual([
      { offset: 0, failedOnly: false },
      { offset: 0, failedOnly: true },
    ]);
  });
});
