import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fail, ok } from '../../../../src/domain/common/envelope';
import { fakeBridge } from '../test-support/fake-bridge';
import { atFrameWidth, WIDE } from '../test-support/frame-width';
import { AuditTab } from './audit-tab';
import { POLL_MS } from './use-audit';
import { anAuditView, auditedView } from './test-support/audit-view-mother';

afterEach(() => fakeBridge.reset());
beforeEach(() => atFrameWidth(WIDE));

describe('the audit tab', () => {
  it('shows counts, filters by severity, and links a threat to a clause in place', async () => {
    const view = auditedView();
    fakeBridge.answer('audit/get', () => ({ ok: true, data: view }));
    const fixed = {
      ...view,
      result: { ...view.result!, findings: view.result!.findings.filter((f) => f.kind !== 'clause-without-threat') },
    };
    fakeBridge.answer('audit/link-threat', () => ({ ok: true, data: fixed }));
    render(<AuditTab />);

    expect(await screen.findByText(/^Last complete audit:/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Audit findings' });
    expect(within(table).getByTestId('finding-threat-without-mitigation:T-1')).toBeTruthy();
    const critical = view.result!.counts.bySeverity.critical;
    expect(screen.getByTestId('audit-count-critical').textContent).toBe(`${critical} critical`);

    await userEvent.click(screen.getByTestId('audit-count-critical'));
    expect(within(table).getAllByRole('row').length - 1).toBe(critical);
    await userEvent.click(screen.getByTestId('audit-count-critical'));

    const row = screen
      .getAllByRole('row')
      .find((r) => r.getAttribute('data-testid')?.startsWith('finding-clause-without-threat'))!;
    await userEvent.click(within(row).getByLabelText('Threat'));
    await userEvent.click(await within(row).findByRole('option', { name: /^T-1 / }));
    await userEvent.click(within(row).getByRole('button', { name: 'Link threat' }));
    expect(fakeBridge.payloadsOf('audit/link-threat')).toEqual([
      { issueKey: 'PAY-4', clauseId: 'c9', threatId: 'T-1' },
    ]);
    const rowId = row.getAttribute('data-testid')!;
    await waitFor(() => expect(screen.queryByTestId(rowId)).toBeNull());
    expect(screen.getByTestId('finding-threat-without-mitigation:T-1')).toBeTruthy();
  });

  it('suppresses with a reason of at least ten characters', async () => {
    const view = auditedView();
    fakeBridge.answer('audit/get', () => ({ ok: true, data: view }));
    fakeBridge.answer('audit/suppress', ({ findingId, why }) => ({
      ok: true,
      data: {
        ...view,
        result: {
          ...view.result!,
          findings: view.result!.findings.map((f) =>
            f.id === findingId
              ? { ...f, suppression: { findingId, why, by: '712020:bob', at: '2026-11-23T10:00:00.000Z' } }
              : f,
          ),
        },
      },
    }));
    render(<AuditTab />);
    const row = await screen.findByTestId('finding-threat-without-mitigation:T-1');
    await userEvent.click(within(row).getByRole('button', { name: 'Suppress…' }));
    const suppress = within(row).getByRole('button', { name: 'Suppress' });
    await userEvent.type(within(row).getByLabelText('Why suppress threat-without-mitigation:T-1'), 'too short');
    expect(suppress.hasAttribute('disabled')).toBe(true);
    await userEvent.type(
      within(row).getByLabelText('Why suppress threat-without-mitigation:T-1'),
      ' but now long enough',
    );
    await userEvent.click(suppress);
    expect(fakeBridge.payloadsOf('audit/suppress')).toEqual([
      { findingId: 'threat-without-mitigation:T-1', why: 'too short but now long enough' },
    ]);
    // Suppressed findings are hidden until "Show suppressed".
    await screen.findByText('Show suppressed');
    expect(screen.queryByTestId('finding-threat-without-mitigation:T-1')).toBeNull();
    // The app stores only bob's account id; the row names him, looked up as the person looking.
    fakeBridge.answer('people/names', ({ accountIds }) => ({
      ok: true,
      data: Object.fromEntries(accountIds.filter((id) => id === '712020:bob').map((id) => [id, 'Bob Developer'])),
    }));
    await userEvent.click(screen.getByLabelText(/Show suppressed/));
    expect(
      await screen.findByText(/Suppressed on 2026-11-23 by Bob Developer: too short but now long enough/),
    ).toBeTruthy();
    expect(screen.queryByText(/712020:bob/)).toBeNull();
  });

  it('says in place why a browse-only person cannot link a threat or create a task, instead of controls that fail', async () => {
    const view = { ...auditedView(), canSuppress: false, canEditStories: false, canCreateTasks: false };
    fakeBridge.answer('audit/get', () => ok(view));
    render(<AuditTab />);
    expect(await screen.findByText(/^Last complete audit:/)).toBeTruthy();
    const row = screen
      .getAllByRole('row')
      .find((r) => r.getAttribute('data-testid')?.startsWith('finding-clause-without-threat'))!;
    expect(within(row).getByText(/can’t edit PAY’s stories, so you can’t link a threat here/)).toBeTruthy();
    expect(within(row).queryByRole('button', { name: 'Link threat' })).toBeNull();
    expect(within(row).queryByLabelText('Threat')).toBeNull();
    expect(screen.queryByRole('button', { name: /Create task/i })).toBeNull();
  });

  it('says when the project was never audited, and hides suppress from people who may not', async () => {
    fakeBridge.answer('audit/get', () => ({ ok: true, data: anAuditView({ canSuppress: false }) }));
    render(<AuditTab />);
    expect(await screen.findByText('No audit yet')).toBeTruthy();
    expect(screen.queryByText('Some stored values could not be read')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Suppress…' })).toBeNull();
  });

  it('says when the stored result cannot be read, and runs the audit again from there', async () => {
    const problem = 'The last audit result cannot be read; run the audit again.';
    const broken = auditedView({ result: null, resultUnreadable: true, problems: [problem] });
    fakeBridge.answer('audit/get', () => ok(broken));
    fakeBridge.answer('audit/run', () => ok(auditedView()));
    render(<AuditTab />);
    const message =
      (await screen.findByText('Some stored values could not be read')).closest('section') ?? document.body;
    expect(within(message as HTMLElement).getByText(problem)).toBeTruthy();
    expect(screen.getByText('No audit result to show')).toBeTruthy();
    expect(screen.queryByText('No audit yet')).toBeNull();
    expect(screen.queryByRole('table', { name: 'Audit findings' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Run audit' }));
    expect(fakeBridge.invocationsOf('audit/run')).toHaveLength(1);
    expect(await screen.findByTestId('finding-threat-without-mitigation:T-1')).toBeTruthy();
    expect(screen.queryByText('Some stored values could not be read')).toBeNull();
  });

  it('announces a fix that failed in its row', async () => {
    fakeBridge.answer('audit/get', () => ok(auditedView()));
    fakeBridge.answer('audit/link-threat', () => fail('CONFLICT', 'PAY-4 changed meanwhile: reload the audit.'));
    render(<AuditTab />);
    const row = (await screen.findAllByRole('row')).find((r) =>
      r.getAttribute('data-testid')?.startsWith('finding-clause-without-threat'),
    )!;
    await userEvent.click(within(row).getByLabelText('Threat'));
    await userEvent.click(await within(row).findByRole('option', { name: /^T-1 / }));
    await userEvent.click(within(row).getByRole('button', { name: 'Link threat' }));
    expect((await within(row).findByRole('alert')).textContent).toBe('PAY-4 changed meanwhile: reload the audit.');
  });

  it('follows a running audit by its progress alone; a poll that fails keeps the findings, says so, and the next one goes on; the result is read once, at the end', async () => {
    jest.useFakeTimers();
    try {
      const done = auditedView();
      const before = { ...done, completedAt: '2026-11-30T10:00:00.000Z' };
      const runningRun = {
        ...done.run,
        state: 'running' as const,
        progress: { stage: 'stories' as const, stories: 40, tasks: 0 },
      };
      const views = [ok({ ...before, run: runningRun }), ok(done)];
      fakeBridge.answer('audit/get', () => views.shift() ?? ok(done));
      const progress = [
        ok({
          run: { ...runningRun, progress: { stage: 'tasks' as const, stories: 120, tasks: 8 } },
          completedAt: before.completedAt,
        }),
        fail('RATE_LIMITED', 'Jira is busy: try again in a minute.'),
        ok({ run: done.run, completedAt: done.completedAt }),
      ];
      fakeBridge.answer(
        'audit/progress',
        () => progress.shift() ?? ok({ run: done.run, completedAt: done.completedAt }),
      );
      render(<AuditTab />);
      await act(async () => {
        await jest.advanceTimersByTimeAsync(0);
      });
      expect(screen.getByTestId('audit-run-state').textContent).toBe(
        'Audit in progress: stories, 40 stories and 0 tasks read',
      );

      await act(async () => {
        await jest.advanceTimersByTimeAsync(POLL_MS);
      });
      expect(screen.getByTestId('audit-run-state').textContent).toBe(
        'Audit in progress: tasks, 120 stories and 8 tasks read',
      );
      expect(fakeBridge.invocationsOf('audit/get')).toHaveLength(1);

      await act(async () => {
        await jest.advanceTimersByTimeAsync(POLL_MS);
      });
      expect(screen.getByText("Could not read the audit's progress")).toBeTruthy();
      expect(screen.getByText(/Jira is busy: try again in a minute\./)).toBeTruthy();
      expect(screen.getByTestId('finding-threat-without-mitigation:T-1')).toBeTruthy();

      await act(async () => {
        await jest.advanceTimersByTimeAsync(POLL_MS);
      });
      expect(fakeBridge.invocationsOf('audit/progress')).toHaveLength(3);
      expect(fakeBridge.invocationsOf('audit/get')).toHaveLength(2);
      expect(screen.getByTestId('audit-run-state').textContent).toMatch(/^Last complete audit:/);
      expect(screen.queryByText("Could not read the audit's progress")).toBeNull();

      await act(async () => {
        await jest.advanceTimersByTimeAsync(POLL_MS * 3);
      });
      expect(fakeBridge.invocationsOf('audit/progress')).toHaveLength(3);
      expect(fakeBridge.invocationsOf('audit/get')).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('in a narrow frame puts each fix under its finding, and brings the Fix column back when it grows', async () => {
    atFrameWidth(600);
    fakeBridge.answer('audit/get', () => ({ ok: true, data: auditedView() }));
    render(<AuditTab />);
    const table = await screen.findByRole('table', { name: 'Audit findings' });

    const heads = () =>
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent);
    expect(heads()).toEqual(['Severity', 'Finding and fix']);
    const row = within(table).getByTestId('finding-threat-without-mitigation:T-1');
    expect(within(row).getAllByRole('cell')).toHaveLength(2);
    expect(within(within(row).getAllByRole('cell')[1]!).getByRole('button', { name: 'Suppress…' })).toBeTruthy();

    atFrameWidth(WIDE);
    expect(heads()).toEqual(['Severity', 'Finding', 'Fix']);
  });
});
