import { fakeBridge, hostBridge } from './test-support/host-bridge';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { atFrameWidth, WIDE } from '../test-support/frame-width';
import { ThreatModelTab } from './threat-model-tab';
import {
  aRiskPolicy,
  aThreatModel,
  aThreatRow,
  savedThreat,
  type ThreatModelFixture,
} from './test-support/threat-model-mother';
import { givenThreatModel } from './test-support/given-threat-model';

const T6 = aThreatRow({ id: 'T-6', title: 'Settlement report altered', probability: 2, impact: 4 });
const ACCEPTANCE = {
  accountId: '712020:alice',
  at: '2025-03-10T09:00:00.000Z',
  reason: 'Finance reconciles every payout by hand',
  until: '2025-06-30',
};

function givenModel(model: ThreatModelFixture): void {
  givenThreatModel(model);
  fakeBridge.answer('people/names', ({ accountIds }) => ({
    ok: true,
    data: Object.fromEntries(accountIds.map((id) => [id, 'Alice Admin'])),
  }));
}

async function renderTab(model: ThreatModelFixture) {
  givenModel(model);
  const user = userEvent.setup();
  render(<ThreatModelTab />);
  await screen.findByRole('table');
  return user;
}

const dialog = () => within(screen.getByRole('dialog'));

/** The tab on `model`, Jira saving an acceptance of T-6 as asked, and the dialog open on T-6. */
async function openAcceptRisk(model: ThreatModelFixture) {
  const user = await renderTab(model);
  fakeBridge.answer('threat-model/accept-risk', ({ acceptance }) => ({
    ok: true,
    data: { ...savedThreat('T-6', { ...T6 }, 2), acceptance: { ...ACCEPTANCE, ...acceptance } },
  }));
  await user.click(screen.getByRole('button', { name: 'Actions for T-6' }));
  await user.click(screen.getByRole('menuitem', { name: 'Accept risk of T-6' }));
  return user;
}

afterEach(() => hostBridge.reset());
beforeEach(() => atFrameWidth(WIDE));

describe('accepting a threat’s risk', () => {
  it('accepts with a reason until a day from the app’s calendar, then names who accepted it until when', async () => {
    const user = await openAcceptRisk(aThreatModel({ threats: [T6] }));
    expect(dialog().getByText(/From 2025-03-11 to 2026-03-10: an acceptance runs at most 365 days/)).toBeTruthy();

    // Nothing is sent until the reason and the day are there.
    await user.click(dialog().getByRole('button', { name: 'Accept risk' }));
    expect(dialog().getByText('Say why the risk is acceptable, in at least 10 characters')).toBeTruthy();
    expect(dialog().getByText('Choose the last day the acceptance holds.')).toBeTruthy();
    expect(fakeBridge.invocationsOf('threat-model/accept-risk')).toEqual([]);

    await user.type(dialog().getByLabelText('Why is the risk acceptable?'), ACCEPTANCE.reason);
    await user.type(dialog().getByLabelText('Accepted until (last day, UTC)'), '2027-01-01');
    await user.click(dialog().getByRole('button', { name: 'Accept risk' }));
    expect(dialog().getByText('Choose a day from 2025-03-11 to 2026-03-10.')).toBeTruthy();

    await user.clear(dialog().getByLabelText('Accepted until (last day, UTC)'));
    await user.type(dialog().getByLabelText('Accepted until (last day, UTC)'), '2025-06-30');
    await user.click(dialog().getByRole('button', { name: 'Accept risk' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fakeBridge.payloadsOf('threat-model/accept-risk')).toEqual([
      { id: 'T-6', baseRevision: 1, acceptance: { reason: ACCEPTANCE.reason, until: '2025-06-30' } },
    ]);
    // The name arrives with the people's names, after the row.
    await waitFor(() =>
      expect(screen.getByTestId('acceptance-T-6').textContent).toBe('Accepted by Alice Admin until 2025-06-30'),
    );
  });

  it('fills the day in with one click, counted from the app’s today, never past the longest allowed', async () => {
    const user = await openAcceptRisk(aThreatModel({ threats: [T6] }));
    const until = dialog().getByLabelText('Accepted until (last day, UTC)') as HTMLInputElement;

    // The app's today is 2025-03-10 (the browser's clock is not asked).
    await user.click(dialog().getByRole('button', { name: 'Until 2025-06-08 (90 days)' }));
    expect(until.value).toBe('2025-06-08');
    await user.click(dialog().getByRole('button', { name: 'Until 2026-03-10 (the longest allowed)' }));
    expect(until.value).toBe('2026-03-10');
    await user.click(dialog().getByRole('button', { name: 'Until 2025-04-09 (30 days)' }));
    expect(until.value).toBe('2025-04-09');

    await user.type(dialog().getByLabelText('Why is the risk acceptable?'), ACCEPTANCE.reason);
    await user.click(dialog().getByRole('button', { name: 'Accept risk' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fakeBridge.payloadsOf('threat-model/accept-risk')).toEqual([
      { id: 'T-6', baseRevision: 1, acceptance: { reason: ACCEPTANCE.reason, until: '2025-04-09' } },
    ]);
  });

  it('offers only the quick choices within a shorter longest day the settings allow', async () => {
    const user = await openAcceptRisk(
      aThreatModel({ threats: [T6], riskPolicy: aRiskPolicy({ latestUntil: '2025-07-08' }) }),
    );
    // 2025-03-10 + 180 days is past 2025-07-08: that choice is not offered; "Longest" is that day.
    expect(dialog().getByRole('button', { name: 'Until 2025-06-08 (90 days)' })).toBeTruthy();
    expect(dialog().queryByRole('button', { name: /180 days/ })).toBeNull();
    await user.click(dialog().getByRole('button', { name: 'Until 2025-07-08 (the longest allowed)' }));
    expect((dialog().getByLabelText('Accepted until (last day, UTC)') as HTMLInputElement).value).toBe('2025-07-08');
  });

  it('shows an expired acceptance, and lets it lapse from the same dialog with its history', async () => {
    const expired = aThreatRow({
      ...T6,
      acceptance: ACCEPTANCE,
      acceptanceHistory: [{ action: 'accepted', ...ACCEPTANCE }],
      acceptanceState: 'expired',
    });
    const user = await renderTab(
      aThreatModel({ threats: [expired], riskPolicy: aRiskPolicy({ today: '2025-07-02' }) }),
    );
    fakeBridge.answer('threat-model/revoke-acceptance', () => ({ ok: true, data: savedThreat('T-6', { ...T6 }, 2) }));

    await waitFor(() =>
      expect(screen.getByTestId('acceptance-T-6').textContent).toBe(
        '⚠ Acceptance expired: accepted by Alice Admin until 2025-06-30',
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Actions for T-6' }));
    await user.click(screen.getByRole('menuitem', { name: 'Review acceptance of T-6' }));
    expect(dialog().getByText('Expired after 2025-06-30')).toBeTruthy();
    expect(dialog().getByRole('list', { name: 'Acceptance history' }).textContent).toBe(
      `2025-03-10: accepted by Alice Admin until 2025-06-30 — ${ACCEPTANCE.reason}`,
    );
    await user.click(dialog().getByRole('button', { name: 'Let it lapse' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fakeBridge.payloadsOf('threat-model/revoke-acceptance')).toEqual([
      { id: 'T-6', baseRevision: 1, reason: '' },
    ]);
    expect(screen.queryByTestId('acceptance-T-6')).toBeNull();
  });

  it('shows an acceptance as lapsed once the threat is rated more severe than what was accepted', async () => {
    const raised = aThreatRow({
      ...T6,
      probability: 5,
      impact: 5,
      acceptance: { ...ACCEPTANCE, severity: { probability: 2, impact: 4 } },
      acceptanceState: 'expired',
    });
    const user = await renderTab(aThreatModel({ threats: [raised], riskPolicy: aRiskPolicy({ today: '2025-04-01' }) }));
    expect(screen.getByTestId('acceptance-T-6').textContent).toBe(
      '⚠ Acceptance lapsed: accepted at severity 8; now 25',
    );
    await user.click(screen.getByRole('button', { name: 'Actions for T-6' }));
    await user.click(screen.getByRole('menuitem', { name: 'Review acceptance of T-6' }));
    expect(dialog().getByText('No longer holds: accepted at severity 8; now 25')).toBeTruthy();
  });

  it('offers no acceptance to people the settings do not allow', async () => {
    const user = await renderTab(aThreatModel({ threats: [T6], riskPolicy: aRiskPolicy({ canAccept: false }) }));
    await user.click(screen.getByRole('button', { name: 'Actions for T-6' }));
    expect(screen.queryByRole('menuitem', { name: 'Accept risk of T-6' })).toBeNull();
  });
});
