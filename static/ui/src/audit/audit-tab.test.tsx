import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fail, ok } from '../../../../src/domain/common/envelope';
import { fakeBridge } from '../test-support/fake-bridge';
import { atFrameWidth, WIDE } from '../test-support/frame-width';
import { AuditTab } from './audit-tab';
import { POLL_MS } from './use-audit';
import { anAuditView, auditedResult, auditedView, pagedAnswer } from './test-support/audit-view-mother';
import { NO_FILTERS } from '../../../../src/domain/audit/finding-page';
import type { AuditResult } from '../../../../src/domain/audit/audit-result';
import type { AuditExport } from '../../../../src/contract';
import { blobText, savedDownloads } from '../test-support/saved-downloads';

const T1 = { id: 'T-1', title: 'Card data stolen', severity: { score: 20, band: 'Critical' as const } };
/** What the tab sends with every read and action until the person filters or turns a page. */
const FIRST_PAGE = { filters: NO_FILTERS, page: 0 };

afterEach(() => fakeBridge.reset());
beforeEach(() => atFrameWidth(WIDE));

describe('the audit tab', () => {
  it('shows counts, filters by severity on the backend, and links a threat (searched) to a clause in place', async () => {
    const view = auditedView();
    const result = auditedResult();
    fakeBridge.answer(
      'audit/get',
      pagedAnswer(view, () => result),
    );
    fakeBridge.answer('audit/find-threats', () => ok({ threats: [T1] }));
    const fixed = { ...result, findings: result.findings.filter((f) => f.kind !== 'clause-without-threat') };
    fakeBridge.answer(
      'audit/link-threat',
      pagedAnswer(view, () => fixed),
    );
    render(<AuditTab />);

    expect(await screen.findByText(/^Last complete audit:/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Audit findings' });
    expect(within(table).getByTestId('finding-threat-without-mitigation:T-1')).toBeTruthy();
    const critical = view.result!.counts.bySeverity.critical;
    expect(screen.getByTestId('audit-count-critical').textContent).toBe(`${critical} critical`);

    await userEvent.click(screen.getByTestId('audit-count-critical'));
    await waitFor(() => expect(within(table).getAllByRole('row').length - 1).toBe(critical));
    expect(fakeBridge.payloadsOf('audit/get').at(-1)).toEqual({
      filters: { ...NO_FILTERS, severity: 'critical' },
      page: 0,
    });
    await userEvent.click(screen.getByTestId('audit-count-critical'));
    await waitFor(() => expect(within(table).getAllByRole('row').length - 1).toBe(result.findings.length));

    const row = screen
      .getAllByRole('row')
      .find((r) => r.getAttribute('data-testid')?.startsWith('finding-clause-without-threat'))!;
    await userEvent.click(within(row).getByLabelText('Threat'));
    await userEvent.click(await within(row).findByRole('option', { name: /^T-1 / }));
    await userEvent.click(within(row).getByRole('button', { name: 'Link threat' }));
    // The most severe threats, read once the picker opened; the answer is the page the person is on.
    expect(fakeBridge.payloadsOf('audit/find-threats')).toEqual([{ query: '' }]);
    expect(fakeBridge.payloadsOf('audit/link-threat')).toEqual([
      { issueKey: 'PAY-4', clauseId: 'c9', threatId: 'T-1', view: FIRST_PAGE },
    ]);
    const rowId = row.getAttribute('data-testid')!;
    await waitFor(() => expect(screen.queryByTestId(rowId)).toBeNull());
    expect(screen.getByTestId('finding-threat-without-mitigation:T-1')).toBeTruthy();
  });

  it('suppresses with a reason of at least ten characters', async () => {
    const view = auditedView();
    let result: AuditResult = auditedResult();
    fakeBridge.answer(
      'audit/get',
      pagedAnswer(view, () => result),
    );
    fakeBridge.answer('audit/suppress', (payload) => {
      const { findingId, why } = payload;
      const suppression = { findingId, why, by: '712020:bob', at: '2026-11-23T10:00:00.000Z' };
      result = { ...result, findings: result.findings.map((f) => (f.id === findingId ? { ...f, suppression } : f)) };
      return pagedAnswer(view, () => result)(payload);
    });
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
      { findingId: 'threat-without-mitigation:T-1', why: 'too short but now long enough', view: FIRST_PAGE },
    ]);
    // Suppressed findings are hidden until "Show suppressed" (the backend leaves them out of the page).
    await screen.findByText('Show suppressed');
    await waitFor(() => expect(screen.queryByTestId('finding-threat-without-mitigation:T-1')).toBeNull());
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
    fakeBridge.answer('audit/find-threats', () => ok({ threats: [T1] }));
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
  /** A result of `count` threats without mitigation (T-1 … T-count), on a backend that pages it. */
  const manyFindings = (count: number): AuditResult => {
    const base = auditedResult();
    const one = base.findings.find((f) => f.kind === 'threat-without-mitigation')!;
    return {
      ...base,
      findings: Array.from({ length: count }, (_, i) => ({
        ...one,
        id: `threat-without-mitigation:T-${i + 1}`,
        message: `T-${i + 1} has no mitigation.`,
      })),
    };
  };
  const rowIds = () =>
    within(screen.getByRole('table', { name: 'Audit findings' }))
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.getAttribute('data-testid'));

  it('shows a page of 50 findings, and asks the backend for the next page and the one before', async () => {
    const result = manyFindings(120);
    fakeBridge.answer(
      'audit/get',
      pagedAnswer(auditedView(), () => result),
    );
    render(<AuditTab />);
    await screen.findByTestId('finding-threat-without-mitigation:T-1');
    expect(rowIds()).toHaveLength(50);
    expect(screen.getByTestId('pager-position').textContent).toBe('1–50 of 120 findings · page 1 of 3');

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByTestId('finding-threat-without-mitigation:T-51');
    expect(fakeBridge.payloadsOf('audit/get').at(-1)).toEqual({ filters: NO_FILTERS, page: 1 });
    expect(rowIds()[0]).toBe('finding-threat-without-mitigation:T-51');
    expect(screen.queryByTestId('finding-threat-without-mitigation:T-1')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByTestId('finding-threat-without-mitigation:T-120');
    expect(rowIds()).toHaveLength(20);
    expect(screen.getByTestId('pager-position').textContent).toBe('101–120 of 120 findings · page 3 of 3');
    expect(screen.getByRole('button', { name: 'Next' }).hasAttribute('disabled')).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await screen.findByTestId('finding-threat-without-mitigation:T-51');
    expect(fakeBridge.payloadsOf('audit/get').map((q) => q.page)).toEqual([0, 1, 2, 1]);
  });

  it('sends the search once the person stops typing, from the first page, and pages what it keeps', async () => {
    const result = manyFindings(120);
    fakeBridge.answer(
      'audit/get',
      pagedAnswer(auditedView(), () => result),
    );
    render(<AuditTab />);
    await screen.findByTestId('finding-threat-without-mitigation:T-1');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByTestId('finding-threat-without-mitigation:T-51');

    await userEvent.type(screen.getByLabelText('Search findings'), 'T-7');
    // The pause, the read and a 120-row render: more than waitFor's default second on a loaded machine.
    await waitFor(() => expect(rowIds()).toHaveLength(11), { timeout: 5000 });
    // One read for the three keys, not one a key; a new search starts at its first page.
    expect(fakeBridge.payloadsOf('audit/get')).toEqual([
      { filters: NO_FILTERS, page: 0 },
      { filters: NO_FILTERS, page: 1 },
      { filters: { ...NO_FILTERS, text: 'T-7' }, page: 0 },
    ]);
    expect(rowIds()).toEqual(
      ['T-7', ...Array.from({ length: 10 }, (_, i) => `T-${70 + i}`)].map(
        (id) => `finding-threat-without-mitigation:${id}`,
      ),
    );
    // Everything it keeps is on one page: no pager.
    expect(screen.queryByRole('navigation', { name: 'Pages of findings' })).toBeNull();
  });

  it('exports the whole result in parts the backend hands out, joined into one file', async () => {
    const saved = savedDownloads();
    fakeBridge.answer('audit/get', () => ok(auditedView()));
    const texts = ['id,kind\n', 'a,b\n', 'c,d\n'];
    const digest = 'b'.repeat(64);
    fakeBridge.answer('audit/export', ({ format, part }) =>
      ok<AuditExport>({
        fileName: 'PAY-audit-2026-11-23.csv',
        mimeType: 'text/csv;charset=utf-8',
        text: texts[part?.index ?? 0]!,
        part: part?.index ?? 0,
        parts: format === 'csv' ? 3 : 1,
        digest,
      }),
    );
    render(<AuditTab />);
    await userEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(fakeBridge.payloadsOf('audit/export')).toEqual([
      { format: 'csv' },
      { format: 'csv', part: { index: 1, digest } },
      { format: 'csv', part: { index: 2, digest } },
    ]);
    expect(await blobText(saved[0]!)).toBe('id,kind\na,b\nc,d\n');
  });
});
