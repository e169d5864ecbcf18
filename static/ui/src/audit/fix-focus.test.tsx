import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { audit, mitigation, openTask, story, threat } from '../../../../src/domain/audit/audit-fixtures';
import { fakeBridge } from '../test-support/fake-bridge';
import { AuditTab } from './audit-tab';
import { anAuditView, type AuditViewOver } from './test-support/audit-view-mother';

// Found in review: a fix in place that closes took keyboard focus with it (to the top of the
// frame); the story picker said "No stories" once what was typed was cleared; and a row kept
// saying "Linked" when the audit run after the link still held the finding.
// T-2 is linked to no story; PAY-2 links T-1 directly and no clause covers it; PAY-1 is done while
// M-2 (accepted, its task PAY-102 to do) is not.
const RESULT = audit({
  threats: [
    threat('T-1', { title: 'Card data stolen', probability: 4, impact: 5 }),
    threat('T-2', { title: 'Session hijacked on a shared Wi-Fi', probability: 2, impact: 3 }),
  ],
  mitigations: [mitigation('M-2', [['T-1', 50]], { status: 'accepted', task: { id: 'id-PAY-102', key: 'PAY-102' } })],
  stories: [
    story('PAY-1', { clauses: [{ id: 'c1', threatIds: ['T-1'] }], statusCategory: 'done' }),
    story('PAY-2', { clauses: [{ id: 'c2', text: 'paying twice', threatIds: [] }], directThreatIds: ['T-1'] }),
  ],
  tasks: [openTask('PAY-102', 'M-2', ['T-1'])],
});

const done = { state: 'done', startedAt: null, updatedAt: null, progress: null, error: null } as const;
const queued = { ...done, state: 'queued' } as const;
const viewOf = (over: AuditViewOver = {}) =>
  anAuditView({
    completedAt: '2026-11-23T09:00:05.000Z',
    run: done,
    result: RESULT,
    threats: [
      { id: 'T-1', title: 'Card data stolen', severity: { score: 20, band: 'Critical' } },
      { id: 'T-2', title: 'Session hijacked on a shared Wi-Fi', severity: { score: 6, band: 'Medium' } },
    ],
    ...over,
  });
const findingRow = async (id: string) => {
  await screen.findByText(/^Last complete audit:/);
  return within(await screen.findByTestId(`finding-${id}`));
};
const stories = [{ key: 'PAY-4', summary: 'Stay signed in on my phone', clauses: [] }];

afterEach(() => fakeBridge.reset());

describe('the fixes in place, by keyboard', () => {
  it('gives focus back to the button that opened the clause fix on Escape and on Cancel, and to what it says once done', async () => {
    fakeBridge.answer('audit/get', () => ({ ok: true, data: viewOf() }));
    fakeBridge.answer('audit/link-story', () => ({ ok: true, data: viewOf({ run: queued }) }));
    const user = userEvent.setup();
    render(<AuditTab />);
    const row = await findingRow('story-threat-uncovered:PAY-2:T-1');

    await user.click(row.getByRole('button', { name: 'Add a WITHOUT clause' }));
    expect(document.activeElement).toBe(row.getByRole('textbox', { name: 'New WITHOUT clause of PAY-2 for T-1' }));
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(row.getByRole('button', { name: 'Add a WITHOUT clause' }));

    await user.keyboard('{Enter}');
    await user.click(row.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(row.getByRole('button', { name: 'Add a WITHOUT clause' }));

    await user.keyboard('{Enter}');
    await user.keyboard('{Enter}');
    const said = await row.findByRole('status');
    expect(said.textContent).toBe('Added “WITHOUT card data stolen” to PAY-2, linked to T-1. The audit runs again.');
    expect(document.activeElement).toBe(said);
  });

  it('gives focus to the question a confirming fix asks, back to its button on Cancel, and to what it says once done', async () => {
    fakeBridge.answer('audit/get', () => ({ ok: true, data: viewOf() }));
    fakeBridge.answer('audit/reopen-story', () => ({ ok: true, data: viewOf({ run: queued }) }));
    const user = userEvent.setup();
    render(<AuditTab />);
    const row = await findingRow('story-done-unmitigated:PAY-1');

    await user.click(row.getByRole('button', { name: 'Reopen the story PAY-1' }));
    expect(document.activeElement?.textContent).toMatch(/^Move PAY-1 back to To Do\?/);
    await user.click(row.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(row.getByRole('button', { name: 'Reopen the story PAY-1' }));

    await user.keyboard('{Enter}');
    await user.click(row.getByRole('button', { name: 'Reopen PAY-1' }));
    const said = await row.findByRole('status');
    expect(said.textContent).toBe('Reopened PAY-1. The audit runs again.');
    expect(document.activeElement).toBe(said);
  });

  it('offers the newest stories again once what was typed is cleared with the keyboard', async () => {
    fakeBridge.answer('audit/get', () => ({ ok: true, data: viewOf() }));
    fakeBridge.answer('audit/find-stories', ({ query }) => ({
      ok: true,
      data: { stories: query === '' ? stories : [] },
    }));
    const user = userEvent.setup();
    render(<AuditTab />);
    const row = await findingRow('threat-without-story:T-2');

    // Reached with Tab and opened by typing: no newest stories were read; what was typed matches none.
    row.getByLabelText('Story').focus();
    await user.keyboard('zz');
    await screen.findByText('No story of PAY matches “zz”');
    await user.keyboard('{Backspace}{Backspace}');
    await screen.findByText('PAY-4 Stay signed in on my phone');
    expect(screen.queryByText('No stories')).toBeNull();
    expect(fakeBridge.payloadsOf('audit/find-stories').map((p) => p.query)).toEqual(['zz', '']);
  });

  it('says it linked the threat until a newer audit still holds the finding, then offers the fix again', async () => {
    const later = '2026-11-23T09:05:00.000Z';
    fakeBridge.answer('audit/get', () => ({ ok: true, data: viewOf() }));
    fakeBridge.answer('audit/find-stories', () => ({ ok: true, data: { stories } }));
    // The link is stored, but the audit run after it finds T-2 still linked to no story.
    fakeBridge.answer('audit/link-story', () => ({ ok: true, data: viewOf({ run: queued }) }));
    const user = userEvent.setup();
    render(<AuditTab />);
    const row = await findingRow('threat-without-story:T-2');

    await user.type(row.getByLabelText('Story'), 'PAY-4');
    await user.click(await screen.findByText('PAY-4 Stay signed in on my phone'));
    await user.click(row.getByRole('button', { name: 'Link T-2 to PAY-4' }));
    const said = await row.findByRole('status');
    expect(said.textContent).toBe('Linked T-2 to PAY-4. The audit runs again.');
    expect(document.activeElement).toBe(said);

    // The run ends (the tab polls its progress, then reads the view): its result still holds the finding.
    fakeBridge.answer('audit/progress', () => ({ ok: true, data: { run: done, completedAt: later } }));
    fakeBridge.answer('audit/get', () => ({ ok: true, data: viewOf({ completedAt: later, result: { ...RESULT } }) }));
    await row.findByLabelText('Story', undefined, { timeout: 5000 });
    expect(row.queryByText(/^Linked T-2/)).toBeNull();
  });
});
