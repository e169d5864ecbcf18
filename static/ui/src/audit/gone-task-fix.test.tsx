import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { audit, mitigation, threat } from '../../../../src/domain/audit/audit-fixtures';
import { aMitigationView } from '../threat-model/test-support/threat-model-mother';
import { fakeBridge } from '../test-support/fake-bridge';
import { AuditTab } from './audit-tab';
import { anAuditView } from './test-support/audit-view-mother';

// M-1 records PAY-100, which the app's audit does not find among the project's mitigation tasks.
// "Create the task" makes a new one when PAY-100 is no longer its task for the person; when it
// still is (the app cannot see it, e.g. a security level), the same task comes back and nothing was made.
const RESULT = audit({
  threats: [threat('T-1', { title: 'Card data stolen', probability: 4, impact: 5 })],
  mitigations: [mitigation('M-1', [['T-1', 100]], { status: 'accepted', task: { id: '10100', key: 'PAY-100' } })],
});
const done = { state: 'done', startedAt: null, updatedAt: null, progress: null, error: null } as const;
const view = anAuditView({ completedAt: '2026-11-23T09:00:05.000Z', run: done, result: RESULT });

afterEach(() => fakeBridge.reset());

async function clickCreate(answerKey: string) {
  fakeBridge.answer('audit/get', () => ({ ok: true, data: view }));
  fakeBridge.answer('audit/run', () => ({ ok: true, data: view }));
  fakeBridge.answer('mitigation/create-task', () => ({
    ok: true,
    data: aMitigationView({
      id: 'M-1',
      task: { id: '1', key: answerKey, statusName: 'To Do', categoryKey: 'new' },
    }),
  }));
  const user = userEvent.setup();
  render(<AuditTab />);
  await screen.findByText(/^Last complete audit:/);
  const row = screen
    .getAllByRole('row')
    .find((r) => r.getAttribute('data-testid')?.startsWith('finding-mitigation-without-task:M-1'));
  expect(row).toBeDefined();
  await user.click(within(row!).getByRole('button', { name: 'Create the task' }));
}

describe('“Create the task” on a mitigation whose recorded task the audit did not find', () => {
  it('says a new task was created when one was', async () => {
    await clickCreate('PAY-101');
    await screen.findByText(/Auditing again|Last complete audit/);
    expect(JSON.stringify(fakeBridge.flags())).toContain('PAY-101 created');
  });

  it('says no task was made when the recorded one is still its task for the person', async () => {
    await clickCreate('PAY-100');
    expect(
      await screen.findByText(/PAY-100 is still the task of M-1 as you see it, so no new task was made/),
    ).toBeTruthy();
    expect(JSON.stringify(fakeBridge.flags())).not.toContain('created');
  });
});
