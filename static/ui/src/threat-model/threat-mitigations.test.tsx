import { fakeBridge, hostBridge } from './test-support/host-bridge';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Envelope } from '../../../../src/domain/common/envelope';
import type { MitigationDraft } from '../../../../src/domain/mitigation/mitigation';
import type { MitigationView } from '../../../../src/contract';
import { deferred } from '../test-support/fake-bridge';
import { atFrameWidth, WIDE } from '../test-support/frame-width';
import { aRiskHistory } from './risk-chart/test-support/risk-history-mother';
import { REFRESH_MS, ThreatModelTab } from './threat-model-tab';
import { FULL_READ_EVERY } from './use-threat-model';
import {
  aMitigationView,
  aRiskPolicy,
  aTask,
  aThreatModel,
  aThreatRow,
  threatsPage,
  type ThreatModelFixture,
} from './test-support/threat-model-mother';
import { cellOf, rowOf, threatIds } from './test-support/threat-table-queries';
import { givenThreatModel, pageReadInFull, serveThreatModel } from './test-support/given-threat-model';

const T1 = aThreatRow({
  id: 'T-1',
  title: 'Card data read from logs',
  probability: 3,
  impact: 4,
  risk: { residual: 12, planned: 3, fullyMitigated: false },
});
const T2 = aThreatRow({
  id: 'T-2',
  title: 'Forged payment callback',
  probability: 4,
  impact: 5,
  risk: { residual: 0, planned: 0, fullyMitigated: true },
});
const T3 = aThreatRow({
  id: 'T-3',
  title: 'Card testing by bots',
  probability: 4,
  impact: 5,
  risk: { residual: 5, planned: 5, fullyMitigated: false },
});

const M1 = aMitigationView({
  id: 'M-1',
  title: 'Mask card numbers before logging',
  addresses: [{ threatId: 'T-1', strength: 75 }],
  status: 'in-progress',
  storedStatus: 'accepted',
  task: aTask('PAY-12', 'In Progress', 'indeterminate'),
  revision: 3,
});
const M2 = aMitigationView({
  id: 'M-2',
  title: 'Drop request bodies from logs',
  addresses: [
    { threatId: 'T-1', strength: 50 },
    { threatId: 'T-3', strength: 25 },
  ],
  status: 'accepted',
});
const M3 = aMitigationView({
  id: 'M-3',
  title: 'Sign payment callbacks',
  addresses: [{ threatId: 'T-2', strength: 100 }],
  status: 'implemented',
  task: aTask('PAY-9', 'Done', 'done'),
});
const M4 = aMitigationView({
  id: 'M-4',
  title: 'Turn logging off',
  addresses: [{ threatId: 'T-1', strength: 100 }],
  status: 'rejected',
  rejectionReason: 'We need the logs for support.',
});

const MODEL = aThreatModel({
  threats: [T1, T2, T3],
  mitigations: [M1, M2, M3, M4],
  risk: { now: 17, planned: 8, inherent: 52 },
  history: aRiskHistory(30),
});

function givenModel(model: ThreatModelFixture): void {
  givenThreatModel(model);
}

async function renderTab(model: ThreatModelFixture = MODEL) {
  givenModel(model);
  const user = userEvent.setup();
  render(<ThreatModelTab />);
  await screen.findByRole('table');
  await pageReadInFull();
  return user;
}

const mitigationsOf = (threatId: string) => within(screen.getByRole('list', { name: `Mitigations of ${threatId}` }));
const itemOf = (threatId: string, mitigationId: string) =>
  within(screen.getByTestId(`mitigation-${threatId}-${mitigationId}`));
const dialog = () => within(screen.getByRole('dialog'));

afterEach(() => {
  jest.useRealTimers();
  hostBridge.reset();
});

// Every column shows at this width; the narrow frame has tests of its own (threat-table.test.tsx).
beforeEach(() => atFrameWidth(WIDE));

describe('threat model tab: risk', () => {
  it('sums up the project risk and charts its history', async () => {
    await renderTab();

    expect(screen.getByTestId('project-risk').textContent).toBe(
      'Project risk now 17 (8 once planned work is done, 52 before mitigations; tolerance 80)',
    );
    expect(
      screen.getByRole('img', { name: /^Risk now fell from 120 to 95 over 30 days.* Tolerance 80\.$/ }),
    ).toBeTruthy();
    expect(screen.getByTestId('risk-chart-tolerance').textContent).toBe('Tolerance 80');
    expect(screen.queryByTestId('above-tolerance')).toBeNull();
  });

  it('warns when the project risk is above its tolerance, naming where the tolerance comes from', async () => {
    await renderTab({ ...MODEL, riskPolicy: aRiskPolicy({ tolerance: 10, aboveTolerance: true }) });

    expect(screen.getByTestId('above-tolerance').textContent).toContain(
      'Risk now 17 is above the tolerance of 10 (the default of Standard exposure)',
    );
    expect(screen.getByTestId('risk-chart-tolerance').textContent).toBe('Tolerance 10');
  });

  it('says when there is no history to chart yet', async () => {
    await renderTab({ ...MODEL, history: [] });

    expect(screen.getByText(/No risk history yet/)).toBeTruthy();
  });

  it('shows the residual risk of each threat against its severity, and sorts by it', async () => {
    const user = await renderTab();

    expect(cellOf('T-1', 'Residual').textContent).toBe('12 / 123 once planned work is done');
    expect(cellOf('T-2', 'Residual').textContent).toBe('0 / 20 ✓ fully mitigated');
    expect(cellOf('T-3', 'Residual').textContent).toBe('5 / 20');

    await user.click(screen.getByRole('button', { name: 'Residual' }));
    expect(threatIds()).toEqual(['T-2', 'T-3', 'T-1']);
    expect(screen.getByRole('columnheader', { name: 'Residual' }).getAttribute('aria-sort')).toBe('ascending');
  });
});

describe('threat model tab: mitigations of a threat', () => {
  it('expands a row to list the mitigations: strength against the threat, status, task and its Jira status', async () => {
    const user = await renderTab();
    const toggle = within(rowOf('T-1')).getByRole('button', { name: 'Mitigations of T-1 (3)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('list', { name: 'Mitigations of T-1' })).toBeNull();

    await user.click(toggle);

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(mitigationsOf('T-1').getAllByRole('listitem')).toHaveLength(3);
    const m1 = itemOf('T-1', 'M-1');
    expect(m1.getByText('Mask card numbers before logging')).toBeTruthy();
    expect(m1.getByText('strong, 75%')).toBeTruthy();
    expect(m1.getByText('In progress')).toBeTruthy();
    expect(m1.getByText('In Progress')).toBeTruthy();
    expect(m1.queryByRole('button', { name: /Create task/ })).toBeNull();
    expect(itemOf('T-1', 'M-2').getByText('average, 50%')).toBeTruthy();
    expect(itemOf('T-1', 'M-4').getByText('Rejected: We need the logs for support.')).toBeTruthy();
    expect(itemOf('T-1', 'M-4').queryByRole('button', { name: /Create task/ })).toBeNull();

    await user.click(m1.getByRole('link', { name: 'PAY-12' }));
    expect(hostBridge.callsOf('navigate')).toEqual([{ url: '/browse/PAY-12', type: 'new-tab' }]);

    await user.click(toggle);
    expect(screen.queryByRole('list', { name: 'Mitigations of T-1' })).toBeNull();
  });

  it('says why a row’s mitigations could not be read, and reads them on Try again', async () => {
    givenModel(MODEL);
    // The page's read fails, and so does the read again when the row is opened.
    let failures = 2;
    fakeBridge.answer('threat-model/threats', ({ ids }) =>
      failures-- > 0
        ? { ok: false, error: { code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer in time.' } }
        : { ok: true, data: threatsPage(MODEL, ids) },
    );
    const user = userEvent.setup();
    render(<ThreatModelTab />);
    await screen.findByRole('table');
    await waitFor(() => expect(fakeBridge.invocationsOf('threat-model/threats')).toHaveLength(1));

    await user.click(screen.getByRole('button', { name: 'Mitigations of T-1 (3)' }));
    expect(await screen.findByText('Could not load the mitigations of T-1')).toBeTruthy();
    expect(fakeBridge.invocationsOf('threat-model/threats')).toHaveLength(2);
    expect(screen.getByText('Jira did not answer in time.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'Mitigations of T-1' })).toBeTruthy();
    expect(mitigationsOf('T-1').getAllByRole('listitem')).toHaveLength(3);
    expect(fakeBridge.payloadsOf('threat-model/threats').at(-1)).toEqual({ ids: ['T-1'] });
  });

  it('lists a mitigation under every threat it addresses, with its strength against that one', async () => {
    const user = await renderTab();

    await user.click(within(rowOf('T-3')).getByRole('button', { name: 'Mitigations of T-3 (1)' }));

    expect(itemOf('T-3', 'M-2').getByText('weak, 25%')).toBeTruthy();
    expect(threatIds()).toEqual(['T-1', 'T-2', 'T-3']);
  });

  it('creates a task once however often it is pressed, then shows it and the risk read again', async () => {
    const user = await renderTab();
    const answer = deferred<Envelope<MitigationView>>();
    fakeBridge.answer('mitigation/create-task', () => answer.promise);
    await user.click(within(rowOf('T-1')).getByRole('button', { name: 'Mitigations of T-1 (3)' }));
    const button = itemOf('T-1', 'M-2').getByRole('button', { name: 'Create task for M-2' });

    fireEvent.click(button);
    fireEvent.click(button);
    await user.dblClick(button);

    expect(fakeBridge.payloadsOf('mitigation/create-task')).toEqual([{ mitigationId: 'M-2' }]);
    expect(button.textContent).toBe('Creating task…');
    expect(button.hasAttribute('disabled')).toBe(true);

    const withTask = { ...M2, task: aTask('PAY-13') };
    givenModel({ ...MODEL, mitigations: [M1, withTask, M3, M4], risk: { now: 17, planned: 8, inherent: 52 } });
    await act(async () => answer.resolve({ ok: true, data: withTask }));

    expect(await itemOf('T-1', 'M-2').findByRole('link', { name: 'PAY-13' })).toBeTruthy();
    expect(itemOf('T-1', 'M-2').queryByRole('button', { name: /Create task/ })).toBeNull();
    await waitFor(() => expect(fakeBridge.invocationsOf('threat-model/get')).toHaveLength(2));
    expect(hostBridge.callsOf('showFlag')).toEqual([
      expect.objectContaining({ title: 'PAY-13 created', type: 'success' }),
    ]);
  });

  it('says why a task could not be created, and lets the person try again', async () => {
    const user = await renderTab();
    fakeBridge.answer('mitigation/create-task', () => ({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'You cannot create issues in PAY.' },
    }));
    await user.click(within(rowOf('T-1')).getByRole('button', { name: 'Mitigations of T-1 (3)' }));

    await user.click(itemOf('T-1', 'M-2').getByRole('button', { name: 'Create task for M-2' }));

    expect(await itemOf('T-1', 'M-2').findByRole('alert')).toHaveProperty(
      'textContent',
      'You cannot create issues in PAY.',
    );
    expect(itemOf('T-1', 'M-2').getByRole('button', { name: 'Create task for M-2' }).hasAttribute('disabled')).toBe(
      false,
    );
    expect(fakeBridge.invocationsOf('threat-model/get')).toHaveLength(1);
  });

  it('offers no Create task to people who may not create issues', async () => {
    const user = await renderTab({ ...MODEL, canCreateTasks: false });

    await user.click(within(rowOf('T-1')).getByRole('button', { name: 'Mitigations of T-1 (3)' }));

    expect(screen.queryByRole('button', { name: /Create task/ })).toBeNull();
  });

  it('adds a mitigation to a threat: the form starts with that threat, the model is read again', async () => {
    const user = await renderTab();
    const added = aMitigationView({
      id: 'M-5',
      title: 'Rate limit card attempts',
      addresses: [{ threatId: 'T-3', strength: 50 }],
    });
    fakeBridge.answer('mitigation/add', () => {
      givenModel({ ...MODEL, mitigations: [M1, M2, M3, M4, added] });
      return { ok: true, data: added };
    });
    await user.click(within(rowOf('T-3')).getByRole('button', { name: 'Mitigations of T-3 (1)' }));

    await user.click(screen.getByRole('button', { name: 'Add mitigation to T-3' }));
    expect(dialog().getByText('Add mitigation to T-3')).toBeTruthy();
    // The strength an @atlaskit select shows: the text beside its input.
    expect(dialog().getByLabelText('Strength against T-3').parentElement?.parentElement?.textContent).toBe(
      'average (50%)',
    );
    await user.type(dialog().getByLabelText('Title'), 'Rate limit card attempts');
    await user.click(dialog().getByRole('button', { name: 'Add mitigation' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fakeBridge.payloadsOf('mitigation/add')).toEqual([
      {
        draft: {
          title: 'Rate limit card attempts',
          implementation: '',
          verification: '',
          controlType: 'preventive',
          addresses: [{ threatId: 'T-3', strength: 50 }],
          status: 'proposed',
          rejectionReason: '',
        } satisfies MitigationDraft,
      },
    ]);
    expect(await itemOf('T-3', 'M-5').findByText('Rate limit card attempts')).toBeTruthy();
    expect(within(rowOf('T-3')).getByRole('button', { name: 'Mitigations of T-3 (2)' })).toBeTruthy();
    await waitFor(() => expect(fakeBridge.invocationsOf('threat-model/get')).toHaveLength(2));
    expect(hostBridge.callsOf('showFlag')).toEqual([expect.objectContaining({ title: 'M-5 added' })]);
  });

  it('edits a mitigation from its revision; on a conflict it offers Reload and saves on the reloaded revision', async () => {
    // The list has M-1 without its texts; the dialog reads it in full with its threat.
    const { implementation: _i, verification: _v, created: _c, updated: _u, ...listed } = M1;
    const user = await renderTab({ ...MODEL, mitigations: [listed, M2, M3, M4] });
    const givenDetails = (mitigation: MitigationView) =>
      fakeBridge.answer('threat-model/threat-details', () => ({
        ok: true,
        data: { threat: T1, mitigations: [mitigation] },
      }));
    givenDetails(M1);
    fakeBridge.answer('mitigation/update', () => ({
      ok: false,
      error: { code: 'CONFLICT', message: 'The mitigation changed.' },
    }));
    await user.click(within(rowOf('T-1')).getByRole('button', { name: 'Mitigations of T-1 (3)' }));

    await user.click(itemOf('T-1', 'M-1').getByRole('button', { name: 'Edit M-1' }));
    expect(dialog().getByText('Edit M-1')).toBeTruthy();
    expect(await dialog().findByDisplayValue(M1.implementation)).toBeTruthy();
    expect(fakeBridge.payloadsOf('threat-model/threat-details')).toEqual([{ id: 'T-1' }]);
    expect(dialog().getByText(/While PAY-12 exists, the status of M-1 follows the task's status in Jira/)).toBeTruthy();
    expect(dialog().getByLabelText('Status').parentElement?.parentElement?.textContent).toBe('Accepted');
    await user.clear(dialog().getByLabelText('Title'));
    await user.type(dialog().getByLabelText('Title'), 'Mask every card number');
    await user.click(dialog().getByRole('button', { name: 'Save' }));

    expect(
      await dialog().findByText('Someone else changed M-1 while you were editing. Reload to see their version.'),
    ).toBeTruthy();
    expect(fakeBridge.payloadsOf('mitigation/update')[0]).toMatchObject({
      id: 'M-1',
      baseRevision: 3,
      draft: { title: 'Mask every card number', status: 'accepted' },
    });

    const theirs = { ...M1, title: 'Mask card numbers and CVCs', revision: 4 };
    givenModel({ ...MODEL, mitigations: [theirs, M2, M3, M4] });
    givenDetails(theirs);
    await user.click(dialog().getByRole('button', { name: 'Reload' }));
    expect(await dialog().findByText('M-1 as it is now')).toBeTruthy();
    expect(dialog().getByText('Mask card numbers and CVCs')).toBeTruthy();
    expect((dialog().getByLabelText('Title') as HTMLInputElement).value).toBe('Mask every card number');

    const saved = { ...M1, title: 'Mask every card number', revision: 5 };
    fakeBridge.answer('mitigation/update', () => {
      givenModel({ ...MODEL, mitigations: [saved, M2, M3, M4] });
      return { ok: true, data: saved };
    });
    await user.click(dialog().getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fakeBridge.payloadsOf('mitigation/update')[1]).toMatchObject({ id: 'M-1', baseRevision: 4 });
    expect(itemOf('T-1', 'M-1').getByText('Mask every card number')).toBeTruthy();
    expect(hostBridge.callsOf('showFlag')).toEqual([expect.objectContaining({ title: 'M-1 saved' })]);
  });

  it('shows mitigations read only to people who cannot edit the threat model', async () => {
    const user = await renderTab({ ...MODEL, canEdit: false });

    await user.click(within(rowOf('T-1')).getByRole('button', { name: 'Mitigations of T-1 (3)' }));

    expect(mitigationsOf('T-1').getAllByRole('listitem')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: /^Add mitigation/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit M-/ })).toBeNull();
    expect(itemOf('T-1', 'M-2').getByRole('button', { name: 'Create task for M-2' })).toBeTruthy();
  });

  it('says when a threat has no mitigation yet, and offers no Add on a retired threat', async () => {
    const retired = aThreatRow({ id: 'T-4', title: 'Old session reused', state: 'retired' });
    const user = await renderTab({ ...MODEL, threats: [T1, retired], mitigations: [] });

    await user.click(screen.getByLabelText('Show retired threats'));
    await user.click(within(rowOf('T-4')).getByRole('button', { name: 'Mitigations of T-4 (0)' }));

    expect(screen.getByText(/No mitigation yet/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add mitigation to T-4' })).toBeNull();
  });
});

describe('threat model tab: keeping up with Jira', () => {
  it('reads the model again when the window gets focus, keeping it on screen, but not while a dialog is open', async () => {
    const user = await renderTab();
    const answer = deferred<Envelope<ThreatModelFixture>>();
    serveThreatModel(() => answer.promise);
    fakeBridge.answer('threat-model/changes', () => ({ ok: true, data: { changed: true } }));

    act(() => window.dispatchEvent(new Event('focus')));

    await waitFor(() => expect(fakeBridge.invocationsOf('threat-model/get')).toHaveLength(2));
    expect(fakeBridge.invocationsOf('threat-model/changes')).toEqual([
      { functionKey: 'threat-model/changes', payload: MODEL.seen },
    ]);
    expect(screen.getByRole('table')).toBeTruthy();
    const done = { ...M2, status: 'implemented' as const, task: aTask('PAY-13', 'Done', 'done') };
    await act(async () =>
      answer.resolve({
        ok: true,
        data: {
          ...MODEL,
          threats: [T1, T2, { ...T3, risk: { residual: 3.75, planned: 3.75, fullyMitigated: false } }],
          mitigations: [M1, done, M3, M4],
        },
      }),
    );
    expect(cellOf('T-3', 'Residual').textContent).toBe('3.8 / 20');

    givenModel(MODEL);
    await user.click(within(rowOf('T-1')).getByRole('button', { name: 'Mitigations of T-1 (3)' }));
    await user.click(screen.getByRole('button', { name: 'Add mitigation to T-1' }));
    act(() => window.dispatchEvent(new Event('focus')));
    expect(fakeBridge.invocationsOf('threat-model/changes')).toHaveLength(1);
    expect(fakeBridge.invocationsOf('threat-model/get')).toHaveLength(2);
  });

  it(`asks every ${REFRESH_MS / 1000} seconds while the page is visible whether anything changed, and reads the model only when it did`, async () => {
    jest.useFakeTimers();
    try {
      givenModel(MODEL);
      expect(MODEL.seen.issues).not.toBeNull();
      const changed = [false, true, false];
      fakeBridge.answer('threat-model/changes', () => ({ ok: true, data: { changed: changed.shift() ?? false } }));
      render(<ThreatModelTab />);
      const tick = (ms: number) =>
        act(async () => {
          await jest.advanceTimersByTimeAsync(ms);
        });
      await tick(0);
      expect(screen.getByRole('table')).toBeTruthy();

      await tick(REFRESH_MS);
      expect(fakeBridge.invocationsOf('threat-model/changes')).toHaveLength(1);
      expect(fakeBridge.invocationsOf('threat-model/get')).toHaveLength(1);
      await tick(REFRESH_MS);
      expect(fakeBridge.invocationsOf('threat-model/get')).toHaveLength(2);
      await tick(REFRESH_MS);
      expect(fakeBridge.invocationsOf('threat-model/get')).toHaveLength(2);

      // Nothing changes from here on: the check counts deletions itself, so the model is not read again.
      await tick(REFRESH_MS * 3 * FULL_READ_EVERY);
      expect(fakeBridge.invocationsOf('threat-model/get')).toHaveLength(2);
      expect(fakeBridge.invocationsOf('threat-model/changes')).toHaveLength(3 + 3 * FULL_READ_EVERY);

      const visibility = jest.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
      await tick(REFRESH_MS * 2);
      expect(fakeBridge.invocationsOf('threat-model/changes')).toHaveLength(3 + 3 * FULL_READ_EVERY);
      expect(fakeBridge.invocationsOf('threat-model/get')).toHaveLength(2);
      visibility.mockRestore();
    } finally {
      jest.useRealTimers();
    }
  });

  it(`reads the model every ${FULL_READ_EVERY}th refresh when the view could not count the tasks and stories`, async () => {
    jest.useFakeTimers();
    try {
      givenModel({ ...MODEL, seen: { ...MODEL.seen, issues: null } });
      fakeBridge.answer('threat-model/changes', () => ({ ok: true, data: { changed: false } }));
      render(<ThreatModelTab />);
      const tick = (ms: number) =>
        act(async () => {
          await jest.advanceTimersByTimeAsync(ms);
        });
      await tick(0);
      await tick(REFRESH_MS * (FULL_READ_EVERY - 1));
      expect(fakeBridge.invocationsOf('threat-model/get')).toHaveLength(1);
      await tick(REFRESH_MS);
      expect(fakeBridge.invocationsOf('threat-model/get')).toHaveLength(2);
      expect(fakeBridge.invocationsOf('threat-model/changes')).toHaveLength(FULL_READ_EVERY - 1);
    } finally {
      jest.useRealTimers();
    }
  });
});
