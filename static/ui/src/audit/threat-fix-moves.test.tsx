import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { audit, mitigation, story, threat } from '../../../../src/domain/audit/audit-fixtures';
import type { AuditResult } from '../../../../src/domain/audit/audit-result';
import type { Envelope } from '../../../../src/domain/common/envelope';
import {
  aMitigationView,
  aThreatModel,
  aThreatRow,
  type ThreatModelFixture,
} from '../threat-model/test-support/threat-model-mother';
import { serveThreatModel } from '../threat-model/test-support/given-threat-model';
import { fakeBridge } from '../test-support/fake-bridge';
import { atFrameWidth, WIDE } from '../test-support/frame-width';
import { AuditTab } from './audit-tab';
import { anAuditView } from './test-support/audit-view-mother';

// A finding's fix is mounted anew when the frame crosses the compact width (it moves from the
// Fix column to under its finding). A threat's fix opened in a dialog must come through that:
// the dialog stays, and what was saved in it still runs the audit again when it closes. (A
// full-page screenshot, a window resized or zoomed, all make the frame cross that width.)

const RESULT = audit({
  threats: [threat('T-2', { title: 'Session hijacked', probability: 2, impact: 3 })],
  mitigations: [mitigation('M-2', [['T-2', 50]], { status: 'proposed' })],
  stories: [story('PAY-1', { clauses: [{ id: 'c1', threatIds: ['T-2'] }] })],
});
const done = { state: 'done', startedAt: null, updatedAt: null, progress: null, error: null } as const;
const viewOf = (result: AuditResult = RESULT) =>
  anAuditView({ completedAt: '2026-11-23T09:00:05.000Z', run: done, result });
const REVIEW = 'threat-without-mitigation:T-2';
const M2 = aMitigationView({ id: 'M-2', title: 'Rotate session ids', addresses: [{ threatId: 'T-2', strength: 50 }] });
const MODEL = aThreatModel({
  threats: [aThreatRow({ id: 'T-2', title: 'Session hijacked', probability: 2, impact: 3 })],
  mitigations: [M2],
});

const reviewButton = async () => {
  const row = await screen.findByTestId(`finding-${REVIEW}`);
  return within(row).getByRole('button', { name: 'Review its mitigations' });
};
const list = () => screen.findByRole('dialog', { name: 'Mitigations of T-2' });

beforeEach(() => atFrameWidth(WIDE));
afterEach(() => fakeBridge.reset());

describe('a threat’s fix when the frame crosses the compact width', () => {
  it('keeps the list open after a save, and closing it runs the audit again', async () => {
    fakeBridge.answer('audit/get', () => ({ ok: true, data: viewOf() }));
    serveThreatModel(() => ({ ok: true, data: MODEL }));
    fakeBridge.answer('mitigation/update', ({ draft }) => ({
      ok: true,
      data: aMitigationView({ ...M2, ...draft, revision: 2 }),
    }));
    const withoutReview = { ...RESULT, findings: RESULT.findings.filter((f) => f.id !== REVIEW) };
    fakeBridge.answer('audit/run', () => ({ ok: true, data: viewOf(withoutReview) }));
    const user = userEvent.setup();
    render(<AuditTab />);

    await user.click(await reviewButton());
    await user.click(within(await list()).getByRole('button', { name: /Edit M-2/ }));
    const edit = within(await screen.findByRole('dialog', { name: 'Edit M-2' }));
    await user.clear(edit.getByLabelText('Title'));
    await user.type(edit.getByLabelText('Title'), 'Rotate session ids at sign-in');
    await user.click(edit.getByRole('button', { name: 'Save' }));
    expect(within(await list()).getByText(/Rotate session ids at sign-in/)).toBeTruthy();

    // The fix moves under its finding, and back: the list is still open, with the saved title.
    atFrameWidth(600);
    expect(within(await list()).getByText(/Rotate session ids at sign-in/)).toBeTruthy();
    atFrameWidth(WIDE);
    expect(within(await list()).getByText(/Rotate session ids at sign-in/)).toBeTruthy();
    expect(fakeBridge.payloadsOf('audit/run')).toEqual([]);

    await user.click(within(await list()).getByRole('button', { name: 'Close Modal' }));
    await waitFor(() => expect(fakeBridge.invocationsOf('audit/run')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByTestId(`finding-${REVIEW}`)).toBeNull());
  });

  it('opens the list when the model read started before the move answers after it', async () => {
    fakeBridge.answer('audit/get', () => ({ ok: true, data: viewOf() }));
    let answer: (envelope: Envelope<ThreatModelFixture>) => void = () => undefined;
    serveThreatModel(() => new Promise((resolve) => (answer = resolve)));
    const user = userEvent.setup();
    render(<AuditTab />);

    await user.click(await reviewButton());
    await waitFor(() => expect(fakeBridge.invocationsOf('threat-model/get')).toHaveLength(1));
    atFrameWidth(600);
    // Still reading: the moved fix says so (its button stays disabled) rather than offering it again.
    expect((await reviewButton()).hasAttribute('disabled')).toBe(true);
    answer({ ok: true, data: MODEL });
    expect(within(await list()).getByText(/Rotate session ids/)).toBeTruthy();
    expect(fakeBridge.invocationsOf('threat-model/get')).toHaveLength(1);
  });
});
