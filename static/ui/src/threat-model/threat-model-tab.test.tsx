import { fakeBridge, hostBridge } from './test-support/host-bridge';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { Envelope } from '../../../../src/domain/common/envelope';
import type { ThreatRow } from '../../../../src/contract';
import type { ThreatDraft } from '../../../../src/domain/threat-model/threat';
import { deferred } from '../test-support/fake-bridge';
import { atFrameWidth, WIDE } from '../test-support/frame-width';
import { ThreatModelTab } from './threat-model-tab';
import {
  aRiskPolicy,
  aThreatModel,
  aThreatRow,
  savedThreat,
  type ThreatModelFixture,
} from './test-support/threat-model-mother';
import { cellOf, chooseRowAction, rowOf, threatIds } from './test-support/threat-table-queries';
import { givenThreatModel, pageReadInFull, serveThreatModel } from './test-support/given-threat-model';

const T1 = aThreatRow({
  id: 'T-1',
  title: 'Card data read from logs',
  stride: ['I'],
  probability: 3,
  impact: 4,
  component: 'Checkout',
  storyCount: 2,
  storiesJql: 'threat = "T-1"',
});
const T2 = aThreatRow({
  id: 'T-2',
  title: 'Forged payment callback',
  description: '',
  stride: ['S', 'T'],
  probability: 4,
  impact: 5,
  component: 'Payment API',
  storyCount: 0,
});
const T10 = aThreatRow({
  id: 'T-10',
  title: 'Admin export abused',
  stride: ['E'],
  probability: 1,
  impact: 3,
  component: 'Back office',
  storyCount: 7,
  storiesJql: 'threat = "T-10"',
});
const T4 = aThreatRow({
  id: 'T-4',
  title: 'Old session reused',
  stride: ['S'],
  probability: 2,
  impact: 2,
  component: 'Auth',
  state: 'retired',
  revision: 3,
});

function givenModel(model: ThreatModelFixture): void {
  givenThreatModel(model);
}

async function renderTab(model: ThreatModelFixture = aThreatModel({ threats: [T1, T2, T10, T4] })) {
  givenModel(model);
  const user = userEvent.setup();
  render(<ThreatModelTab />);
  await screen.findByRole('table');
  await pageReadInFull();
  return user;
}

async function choose(user: UserEvent, label: string, option: string): Promise<void> {
  await user.click(screen.getByLabelText(label));
  await user.click(await screen.findByRole('option', { name: option }));
}

const NEW_DRAFT: ThreatDraft = {
  title: 'Card testing with stolen cards',
  description: 'Bots try card numbers.',
  stride: ['S', 'D'],
  probability: 4,
  impact: 5,
  component: 'Checkout',
};

async function fillNewThreat(user: UserEvent): Promise<void> {
  const dialog = within(screen.getByRole('dialog'));
  await user.type(dialog.getByLabelText('Title'), NEW_DRAFT.title);
  await user.type(dialog.getByLabelText('Description'), NEW_DRAFT.description);
  await user.click(dialog.getByLabelText('S — Spoofing'));
  await user.click(dialog.getByLabelText('D — Denial of service'));
  await choose(user, 'Probability', '4 — Likely');
  await choose(user, 'Impact', '5 — Severe');
  await user.type(dialog.getByLabelText('Component'), NEW_DRAFT.component);
}

/** set-threat-state answers like the backend: the row in its new state, one revision on. */
function answerStateChanges(): void {
  fakeBridge.givenResolver('threat-model/set-threat-state', (payload) => {
    const { id, state, baseRevision } = payload as { id: string; state: 'active' | 'retired'; baseRevision: number };
    const row = [T1, T2, T10, T4].find((t) => t.id === id) as ThreatRow;
    const { storyCount: _count, storiesJql: _jql, ...view } = { ...row, state, revision: baseRevision + 1 };
    return { ok: true, data: view };
  });
}

afterEach(() => hostBridge.reset());

// Every column shows at this width; the narrow frame has tests of its own (threat-table.test.tsx).
beforeEach(() => atFrameWidth(WIDE));

describe('threat model tab', () => {
  it('shows a spinner, then the active threats with their severity, STRIDE names, stories and state', async () => {
    const answer = deferred<Envelope<ThreatModelFixture>>();
    serveThreatModel(() => answer.promise);
    render(<ThreatModelTab />);
    expect(screen.getByRole('img', { name: 'Loading the threat model' })).toBeTruthy();

    answer.resolve({ ok: true, data: aThreatModel({ threats: [T1, T2, T10, T4] }) });

    await screen.findByRole('table');
    await pageReadInFull();
    expect(fakeBridge.invocationsOf('threat-model/get')).toEqual([{ functionKey: 'threat-model/get', payload: {} }]);
    expect(threatIds()).toEqual(['T-1', 'T-2', 'T-10']);
    expect(screen.getByTestId('threat-count').textContent).toBe('3 threats, 1 critical');
    expect(screen.getByText('of 4 in the model')).toBeTruthy();

    const t2 = within(rowOf('T-2'));
    expect(t2.getByText('Forged payment callback')).toBeTruthy();
    expect(t2.getByRole('img', { name: 'Spoofing, Tampering' }).textContent).toBe('S T');
    expect(t2.getByText('Critical 20')).toBeTruthy();
    expect(t2.getByText('Payment API')).toBeTruthy();
    expect(t2.getByText('Active')).toBeTruthy();
    expect(within(rowOf('T-1')).getByText('High 12')).toBeTruthy();
    expect(within(rowOf('T-10')).getByRole('button', { name: '7 stories linked to T-10' })).toBeTruthy();
    expect(screen.queryByText('Old session reused')).toBeNull();
  });

  it('shows a threat description in a tooltip on its title', async () => {
    const user = await renderTab();

    await user.hover(within(rowOf('T-1')).getByText('Card data read from logs'));

    expect((await screen.findAllByText(T1.description)).length).toBeGreaterThan(0);
  });

  it('shows retired threats, marked Retired, when asked', async () => {
    const user = await renderTab();

    await user.click(screen.getByLabelText('Show retired threats'));

    expect(threatIds()).toEqual(['T-1', 'T-2', 'T-4', 'T-10']);
    expect(within(rowOf('T-4')).getByText('Retired')).toBeTruthy();
    expect(screen.getByTestId('threat-count').textContent).toBe('4 threats, 1 critical');
    expect(screen.queryByText(/in the model/)).toBeNull();
  });

  it('filters by text in the id, title or component', async () => {
    const user = await renderTab();

    await user.type(screen.getByLabelText('Filter threats'), 'payment');
    expect(threatIds()).toEqual(['T-2']);

    await user.clear(screen.getByLabelText('Filter threats'));
    await user.type(screen.getByLabelText('Filter threats'), 'back OFFICE');
    expect(threatIds()).toEqual(['T-10']);

    await user.clear(screen.getByLabelText('Filter threats'));
    await user.type(screen.getByLabelText('Filter threats'), 't-1');
    expect(threatIds()).toEqual(['T-1', 'T-10']);
    expect(screen.getByTestId('threat-count').textContent).toBe('2 threats, 0 critical');
  });

  it('filters by STRIDE category and by severity band', async () => {
    const user = await renderTab();

    await choose(user, 'STRIDE category', 'S — Spoofing');
    expect(threatIds()).toEqual(['T-2']);

    await user.click(screen.getByLabelText('Show retired threats'));
    expect(threatIds()).toEqual(['T-2', 'T-4']);

    await choose(user, 'Severity', 'Low');
    expect(threatIds()).toEqual(['T-4']);
    expect(screen.getByTestId('threat-count').textContent).toBe('1 threat, 0 critical');
  });

  it('says when no threat matches, and clears the filters', async () => {
    const user = await renderTab();

    await user.type(screen.getByLabelText('Filter threats'), 'nothing like this');
    expect(screen.getByText('No threats match these filters.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(threatIds()).toEqual(['T-1', 'T-2', 'T-10']);
    expect((screen.getByLabelText('Filter threats') as HTMLInputElement).value).toBe('');
  });

  it('sorts by id numerically, by severity score and by story count when a column head is clicked', async () => {
    const user = await renderTab();

    await user.click(screen.getByRole('button', { name: 'ID' }));
    expect(threatIds()).toEqual(['T-10', 'T-2', 'T-1']);
    await user.click(screen.getByRole('button', { name: 'ID' }));
    expect(threatIds()).toEqual(['T-1', 'T-2', 'T-10']);

    await user.click(screen.getByRole('button', { name: 'Severity' }));
    expect(threatIds()).toEqual(['T-10', 'T-1', 'T-2']);

    await user.click(screen.getByRole('button', { name: 'Stories' }));
    expect(threatIds()).toEqual(['T-2', 'T-1', 'T-10']);
    await user.click(screen.getByRole('button', { name: 'Stories' }));
    expect(threatIds()).toEqual(['T-10', 'T-1', 'T-2']);
  });

  it('opens the Jira search for the stories of a threat', async () => {
    const user = await renderTab();

    await user.click(within(rowOf('T-1')).getByRole('button', { name: '2 stories linked to T-1' }));

    expect(hostBridge.callsOf('navigate')).toEqual([
      { url: '/issues/?jql=threat%20%3D%20%22T-1%22', type: 'same-tab' },
    ]);
    expect(within(rowOf('T-2')).queryByRole('button', { name: /stories linked/ })).toBeNull();
    expect(cellOf('T-2', 'Stories').textContent).toBe('0');
  });

  it('creates a threat: sends the draft, adds the row in place, flags success and closes the dialog', async () => {
    const user = await renderTab();
    fakeBridge.givenResolver('threat-model/create-threat', (payload) => ({
      ok: true,
      data: savedThreat('T-11', (payload as { draft: ThreatDraft }).draft, 1),
    }));

    await user.click(screen.getByRole('button', { name: 'Create threat' }));
    expect(within(screen.getByRole('dialog')).getByText('Create threat')).toBeTruthy();
    await fillNewThreat(user);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fakeBridge.invocationsOf('threat-model/create-threat')).toEqual([
      { functionKey: 'threat-model/create-threat', payload: { draft: NEW_DRAFT } },
    ]);
    expect(threatIds()).toEqual(['T-1', 'T-2', 'T-10', 'T-11']);
    expect(within(rowOf('T-11')).getByText('Critical 20')).toBeTruthy();
    expect(screen.getByTestId('threat-count').textContent).toBe('4 threats, 2 critical');
    expect(fakeBridge.invocationsOf('threat-model/get')).toHaveLength(1);
    expect(hostBridge.callsOf('showFlag')).toEqual([
      expect.objectContaining({ title: 'T-11 created', type: 'success' }),
    ]);
  });

  it('shows a failed create in the dialog and keeps what was typed', async () => {
    const user = await renderTab();
    fakeBridge.givenResolver('threat-model/create-threat', () => ({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'You can no longer edit the threat model of PAY.' },
    }));

    await user.click(screen.getByRole('button', { name: 'Create threat' }));
    await fillNewThreat(user);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Create' }));

    const dialog = within(screen.getByRole('dialog'));
    expect(await dialog.findByText('You can no longer edit the threat model of PAY.')).toBeTruthy();
    expect((dialog.getByLabelText('Title') as HTMLInputElement).value).toBe(NEW_DRAFT.title);
    expect(hostBridge.callsOf('showFlag')).toEqual([]);
  });

  it('edits a threat from its revision; on a conflict it offers Reload, keeps the typed values and saves on the reloaded revision', async () => {
    const user = await renderTab();
    const theirs = aThreatRow({
      ...T1,
      title: 'Card data in logs and traces',
      revision: 2,
      storyCount: 2,
      storiesJql: T1.storiesJql,
    });
    fakeBridge.givenResolver('threat-model/update-threat', () => ({
      ok: false,
      error: { code: 'CONFLICT', message: 'The threat changed.' },
    }));

    await chooseRowAction(user, 'T-1', 'Edit T-1');
    const dialog = within(screen.getByRole('dialog'));
    expect(dialog.getByText('Edit T-1')).toBeTruthy();
    expect((dialog.getByLabelText('Title') as HTMLInputElement).value).toBe('Card data read from logs');
    await user.clear(dialog.getByLabelText('Title'));
    await user.type(dialog.getByLabelText('Title'), 'Card numbers in logs');
    await user.click(dialog.getByRole('button', { name: 'Save' }));

    expect(
      await dialog.findByText('Someone else changed T-1 while you were editing. Reload to see their version.'),
    ).toBeTruthy();
    expect(fakeBridge.invocationsOf('threat-model/update-threat')[0]?.payload).toEqual({
      id: 'T-1',
      baseRevision: 1,
      draft: {
        title: 'Card numbers in logs',
        description: T1.description,
        stride: ['I'],
        probability: 3,
        impact: 4,
        component: 'Checkout',
      },
    });

    givenModel(aThreatModel({ threats: [theirs, T2, T10, T4] }));
    await user.click(dialog.getByRole('button', { name: 'Reload' }));

    expect(await dialog.findByText('T-1 as it is now')).toBeTruthy();
    expect(dialog.getByText('Card data in logs and traces')).toBeTruthy();
    expect(fakeBridge.invocationsOf('threat-model/get')).toHaveLength(2);
    expect((dialog.getByLabelText('Title') as HTMLInputElement).value).toBe('Card numbers in logs');
    expect(within(rowOf('T-1')).getByText('Card data in logs and traces')).toBeTruthy();

    fakeBridge.givenResolver('threat-model/update-threat', (payload) => {
      const { id, draft } = payload as { id: string; draft: ThreatDraft };
      return { ok: true, data: savedThreat(id, draft, 3) };
    });
    await user.click(dialog.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fakeBridge.invocationsOf('threat-model/update-threat')[1]?.payload).toMatchObject({
      id: 'T-1',
      baseRevision: 2,
    });
    expect(within(rowOf('T-1')).getByText('Card numbers in logs')).toBeTruthy();
    expect(within(rowOf('T-1')).getByRole('button', { name: '2 stories linked to T-1' })).toBeTruthy();
    expect(hostBridge.callsOf('showFlag')).toEqual([expect.objectContaining({ title: 'T-1 saved' })]);
  });

  it('shows other edit errors in the dialog', async () => {
    const user = await renderTab();
    fakeBridge.givenResolver('threat-model/update-threat', () => ({
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'Jira is busy. Try again in a minute.' },
    }));

    await chooseRowAction(user, 'T-2', 'Edit T-2');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Save' }));

    expect(await within(screen.getByRole('dialog')).findByText('Jira is busy. Try again in a minute.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();
  });

  it('closes the dialog with Cancel without saving', async () => {
    const user = await renderTab();

    await chooseRowAction(user, 'T-2', 'Edit T-2');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fakeBridge.invocationsOf('threat-model/update-threat')).toEqual([]);
  });

  it('retires a threat from its revision, updates the row in place and flags it; reactivates it again', async () => {
    const user = await renderTab();
    answerStateChanges();

    await chooseRowAction(user, 'T-2', 'Retire T-2');

    await waitFor(() => expect(threatIds()).toEqual(['T-1', 'T-10']));
    expect(fakeBridge.invocationsOf('threat-model/set-threat-state')[0]?.payload).toEqual({
      id: 'T-2',
      baseRevision: 1,
      state: 'retired',
    });
    expect(hostBridge.callsOf('showFlag')).toEqual([expect.objectContaining({ title: 'T-2 retired' })]);

    await user.click(screen.getByLabelText('Show retired threats'));
    await chooseRowAction(user, 'T-4', 'Reactivate T-4');

    await waitFor(() => expect(within(rowOf('T-4')).getByText('Active')).toBeTruthy());
    expect(fakeBridge.invocationsOf('threat-model/set-threat-state')[1]?.payload).toEqual({
      id: 'T-4',
      baseRevision: 3,
      state: 'active',
    });
    expect(within(rowOf('T-2')).getByText('Retired')).toBeTruthy();
  });

  it('undoes a retire from the notice it leaves, starting from the revision the retire answered', async () => {
    const user = await renderTab();
    answerStateChanges();

    await chooseRowAction(user, 'T-2', 'Retire T-2');
    await waitFor(() => expect(threatIds()).toEqual(['T-1', 'T-10']));
    await user.click(await screen.findByRole('button', { name: 'Undo' }));

    await waitFor(() => expect(threatIds()).toEqual(['T-1', 'T-2', 'T-10']));
    expect(fakeBridge.invocationsOf('threat-model/set-threat-state').map((i) => i.payload)).toEqual([
      { id: 'T-2', baseRevision: 1, state: 'retired' },
      { id: 'T-2', baseRevision: 2, state: 'active' },
    ]);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('explains a conflicting retire and reloads the model on request', async () => {
    const user = await renderTab();
    fakeBridge.givenResolver('threat-model/set-threat-state', () => ({
      ok: false,
      error: { code: 'CONFLICT', message: 'The threat changed.' },
    }));

    await chooseRowAction(user, 'T-1', 'Retire T-1');

    expect(
      await screen.findByText('Someone else changed T-1 in the meantime. Reload to see their version, then try again.'),
    ).toBeTruthy();
    expect(screen.getByText('Could not retire T-1')).toBeTruthy();

    givenModel(aThreatModel({ threats: [aThreatRow({ ...T1, state: 'retired', revision: 2 }), T2, T10, T4] }));
    await user.click(screen.getByRole('button', { name: 'Reload' }));

    await waitFor(() => expect(screen.queryByText('Could not retire T-1')).toBeNull());
    expect(threatIds()).toEqual(['T-2', 'T-10']);
  });

  it('still saves when the host cannot show flags', async () => {
    hostBridge.failFlags();
    const user = await renderTab();
    fakeBridge.givenResolver('threat-model/set-threat-state', () => ({
      ok: true,
      data: { ...T1, state: 'retired', revision: 2 },
    }));

    await chooseRowAction(user, 'T-1', 'Retire T-1');

    await waitFor(() => expect(threatIds()).toEqual(['T-2', 'T-10']));
    expect(screen.queryByText(/Could not/)).toBeNull();
  });

  it('has no create, edit or retire controls for people who cannot edit, and says who can', async () => {
    await renderTab(aThreatModel({ threats: [T1, T2], canEdit: false, riskPolicy: aRiskPolicy({ canAccept: false }) }));

    expect(screen.queryByRole('button', { name: 'Create threat' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Actions for/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Retire/ })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Actions' })).toBeNull();
    expect(
      screen.getByText(
        /Project administrators and the roles or groups named in the app's project settings can edit the threat model\./,
      ),
    ).toBeTruthy();
  });

  it('invites editors to create the first threat of an empty model', async () => {
    givenModel(aThreatModel());
    const user = userEvent.setup();
    render(<ThreatModelTab />);

    expect(await screen.findByText('No threats yet')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Create threat' }));
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('shows an empty model read only to people who cannot edit', async () => {
    givenModel(aThreatModel({ canEdit: false }));
    render(<ThreatModelTab />);

    expect(await screen.findByText('No threats yet')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create threat' })).toBeNull();
    expect(screen.getByText(/can edit the threat model/)).toBeTruthy();
  });

  it('shows a load error with Try again', async () => {
    const answers: Envelope<ThreatModelFixture>[] = [
      {
        ok: false,
        error: { code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer in time. Try again in a minute.' },
      },
      { ok: true, data: aThreatModel({ threats: [T1] }) },
    ];
    serveThreatModel(() => answers.shift());
    const user = userEvent.setup();
    render(<ThreatModelTab />);

    expect(await screen.findByText('Jira did not answer in time. Try again in a minute.')).toBeTruthy();
    expect(screen.getByText('Could not load the threat model')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    await screen.findByRole('table');
    await pageReadInFull();
    expect(threatIds()).toEqual(['T-1']);
  });

  it('warns about stored values that could not be read', async () => {
    await renderTab(aThreatModel({ threats: [T1], problems: ['Threat T-7: Pick at least one STRIDE category'] }));

    expect(screen.getByText('Some stored values could not be read')).toBeTruthy();
    expect(screen.getByText('Threat T-7: Pick at least one STRIDE category')).toBeTruthy();
  });

  it('renders markup typed by people as text', async () => {
    await renderTab(
      aThreatModel({
        threats: [aThreatRow({ id: 'T-1', title: '<img src=x onerror=alert(1)>', component: '<b>bold</b>' })],
      }),
    );

    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(screen.getByText('<b>bold</b>')).toBeTruthy();
    expect(document.querySelectorAll('img[src="x"], b')).toHaveLength(0);
  });
});
