import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { audit, story, threat } from '../../../../src/domain/audit/audit-fixtures';
import type { AuditResult } from '../../../../src/domain/audit/audit-result';
import type { Finding } from '../../../../src/domain/audit/finding';
import { fakeBridge } from '../test-support/fake-bridge';
import { AuditTab } from './audit-tab';
import { anAuditView, fixPayloadsOf, type AuditViewOver } from './test-support/audit-view-mother';

// T-2 is linked to no story; PAY-2 links T-1 directly while no clause of it covers T-1.
const RESULT = audit({
  threats: [
    threat('T-1', { title: 'Card data stolen', probability: 4, impact: 5 }),
    threat('T-2', { title: 'Session hijacked on a shared Wi-Fi', probability: 2, impact: 3 }),
  ],
  stories: [
    story('PAY-1', { clauses: [{ id: 'c1', threatIds: ['T-1'] }] }),
    story('PAY-2', { clauses: [{ id: 'c2', text: 'paying twice', threatIds: [] }], directThreatIds: ['T-1'] }),
  ],
});

const EXPIRED: Finding = {
  id: 'acceptance-expired:T-1',
  kind: 'acceptance-expired',
  severity: 'critical',
  score: 20,
  entities: { storyKeys: [], threatIds: ['T-1'], mitigationIds: [], taskKeys: [] },
  message: 'T-1 Card data stolen: its risk acceptance expired after 2026-10-01.',
  fix: { action: 'review-acceptance', label: 'Renew or let it lapse', target: { threatId: 'T-1' } },
};

const done = { state: 'done', startedAt: null, updatedAt: null, progress: null, error: null } as const;
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
const without = (prefix: string): AuditResult => ({
  ...RESULT,
  findings: RESULT.findings.filter((f) => !f.id.startsWith(prefix)),
});
const findingRow = async (prefix: string) => {
  await screen.findByText(/^Last complete audit:/);
  const row = screen.getAllByRole('row').find((r) => r.getAttribute('data-testid')?.startsWith(`finding-${prefix}`));
  if (!row) throw new Error(`no finding ${prefix}`);
  return within(row);
};
const noRow = (prefix: string) =>
  screen.queryAllByRole('row').every((r) => !r.getAttribute('data-testid')?.startsWith(`finding-${prefix}`));

const isDisabled = (element: HTMLElement) => (element as HTMLButtonElement).disabled;
const valueOf = (element: HTMLElement) => (element as HTMLInputElement).value;

afterEach(() => fakeBridge.reset());

describe('linking a threat to a story, and covering a story’s threat with a clause, in place', () => {
  it('finds a story by words of its summary, links the threat through a new clause drafted from its title', async () => {
    fakeBridge.answer('audit/get', () => ({ ok: true, data: viewOf() }));
    fakeBridge.answer('audit/find-stories', ({ query }) => ({
      ok: true,
      data: {
        stories: query.includes('sign')
          ? [{ key: 'PAY-4', summary: 'Stay signed in on my phone', clauses: [{ id: 'c4', text: 'losing my phone' }] }]
          : [],
      },
    }));
    fakeBridge.answer('audit/link-story', () => ({
      ok: true,
      data: viewOf({ result: without('threat-without-story:T-2') }),
    }));
    const user = userEvent.setup();
    render(<AuditTab />);

    const row = await findingRow('threat-without-story:T-2');
    expect(isDisabled(row.getByRole('button', { name: 'Link to a story' }))).toBe(true);
    // Showing the finding searches nothing: a tab of many such rows must not search once per row.
    expect(fakeBridge.invocationsOf('audit/find-stories')).toEqual([]);
    await user.type(row.getByLabelText('Story'), 'signed');
    await user.click(await screen.findByText('PAY-4 Stay signed in on my phone'));
    // A new clause first, drafted from the threat's title (it reads after "WITHOUT").
    const clause = row.getByRole('textbox', { name: 'New WITHOUT clause of PAY-4 for T-2' });
    expect(valueOf(clause)).toBe('session hijacked on a shared Wi-Fi');
    await user.clear(clause);
    await user.type(clause, 'my session being taken over');
    await user.click(row.getByRole('button', { name: 'Link T-2 to PAY-4' }));

    await screen.findByText(/^Last complete audit:/);
    expect(fixPayloadsOf('audit/link-story')).toEqual([
      {
        issueKey: 'PAY-4',
        threatId: 'T-2',
        newClause: { id: expect.stringMatching(/^c-/), text: 'my session being taken over' },
      },
    ]);
    expect(noRow('threat-without-story:T-2')).toBe(true);
    // Opening the picker (the click before typing) read the newest stories; then one search for
    // what was typed, once the person paused: not one per key.
    expect(fakeBridge.payloadsOf('audit/find-stories').map((p) => p.query)).toEqual(['', 'signed']);
  });

  it('links the threat to a clause the story already has, when the person picks it', async () => {
    fakeBridge.answer('audit/get', () => ({ ok: true, data: viewOf() }));
    fakeBridge.answer('audit/find-stories', () => ({
      ok: true,
      data: {
        stories: [{ key: 'PAY-4', summary: 'Stay signed in', clauses: [{ id: 'c4', text: 'losing my phone' }] }],
      },
    }));
    fakeBridge.answer('audit/link-story', () => ({ ok: true, data: viewOf() }));
    const user = userEvent.setup();
    render(<AuditTab />);

    const row = await findingRow('threat-without-story:T-2');
    await user.type(row.getByLabelText('Story'), 'PAY-4');
    await user.click(await screen.findByText('PAY-4 Stay signed in'));
    await user.click(row.getByLabelText('Clause'));
    await user.click(await screen.findByText('WITHOUT losing my phone'));
    expect(row.queryByRole('textbox', { name: /New WITHOUT clause/ })).toBeNull();
    await user.click(row.getByRole('button', { name: 'Link T-2 to PAY-4' }));

    await row.findByText('Linked T-2 to PAY-4. The audit runs again.');
    expect(fixPayloadsOf('audit/link-story')).toEqual([{ issueKey: 'PAY-4', threatId: 'T-2', clauseId: 'c4' }]);
  });

  it('adds a WITHOUT clause to the story, linked to the threat it did not cover, and says what Jira refused', async () => {
    fakeBridge.answer('audit/get', () => ({ ok: true, data: viewOf() }));
    let calls = 0;
    fakeBridge.answer('audit/link-story', () =>
      ++calls === 1
        ? { ok: false, error: { code: 'FORBIDDEN', message: 'You can’t change this story’s WITHOUT clauses.' } }
        : { ok: true, data: viewOf({ result: without('story-threat-uncovered:PAY-2:T-1') }) },
    );
    const user = userEvent.setup();
    render(<AuditTab />);

    const row = await findingRow('story-threat-uncovered:PAY-2:T-1');
    await user.click(row.getByRole('button', { name: 'Add a WITHOUT clause' }));
    const clause = row.getByRole('textbox', { name: 'New WITHOUT clause of PAY-2 for T-1' });
    expect(valueOf(clause)).toBe('card data stolen');
    // "WITHOUT" is shown before the field: typed again, it is dropped.
    await user.clear(clause);
    await user.type(clause, 'WITHOUT my card data being stolen{Enter}');
    await screen.findByText('You can’t change this story’s WITHOUT clauses.');
    // Nothing typed is lost: the clause is still there to send again.
    expect(valueOf(clause)).toBe('my card data being stolen');
    await user.click(row.getByRole('button', { name: 'Add clause' }));

    await screen.findByText(/^Last complete audit:/);
    expect(fixPayloadsOf('audit/link-story')[1]).toEqual({
      issueKey: 'PAY-2',
      threatId: 'T-1',
      newClause: { id: expect.stringMatching(/^c-/), text: 'my card data being stolen' },
    });
    expect(noRow('story-threat-uncovered:PAY-2:T-1')).toBe(true);
  });

  it('for someone who may not edit stories or accept risk: each fix disabled, with the reason, before any press', async () => {
    const result = { ...RESULT, findings: [...RESULT.findings, EXPIRED] };
    fakeBridge.answer('audit/get', () => ({
      ok: true,
      data: viewOf({ result, canEditStories: false, canAcceptRisk: false }),
    }));
    render(<AuditTab />);

    const unlinked = await findingRow('threat-without-story:T-2');
    expect(isDisabled(unlinked.getByRole('button', { name: 'Link to a story' }))).toBe(true);
    unlinked.getByText('You can’t edit PAY’s stories, so you can’t link T-2 to one here.');
    const uncovered = await findingRow('story-threat-uncovered:PAY-2:T-1');
    expect(isDisabled(uncovered.getByRole('button', { name: 'Add a WITHOUT clause' }))).toBe(true);
    uncovered.getByText('You can’t edit PAY’s stories, so you can’t add a clause to PAY-2 here.');
    const expired = await findingRow('acceptance-expired:T-1');
    const renew = expired.getByRole('button', { name: 'Renew or let it lapse' });
    expect(isDisabled(renew)).toBe(true);
    const reason = document.getElementById(renew.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toMatch(/You can’t accept or revoke risk in PAY/);
    expect(fakeBridge.invocationsOf('threat-model/get')).toEqual([]);
  });
});
