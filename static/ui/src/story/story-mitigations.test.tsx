import { deferred, fakeBridge } from '../test-support/fake-bridge';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { Envelope } from '../../../../src/domain/common/envelope';
import type { MitigationView, StoryView } from '../../../../src/contract';
import { givenStoryBackend } from '../test-support/fake-story-backend';
import { aMitigationDraft, aMitigationView, aTask } from '../test-support/mitigation-view-mother';
import { aStoryView } from '../test-support/story-view-mother';
import { aThreatView } from '../test-support/threat-view-mother';
import { StoryPanel } from './story-panel';

/** Chooses an option of an @atlaskit select the way a person does: open it, then click the option. */
async function choose(user: UserEvent, label: string, option: string): Promise<void> {
  await user.click(screen.getByLabelText(label));
  await user.click(await screen.findByRole('option', { name: option }));
}

/** The option an @atlaskit select shows as chosen: the text beside its input. */
const chosenIn = (label: string) => screen.getByLabelText(label).parentElement?.parentElement?.textContent;

const CARD = { id: 'c1', text: 'having my card data stolen', threatIds: ['T-1'] };
const MODEL = [
  aThreatView('T-1', { title: 'Card data read from logs', probability: 3, impact: 4 }), // High 12
  aThreatView('T-2', { title: 'Card skimming script on checkout', stride: ['T', 'I'], probability: 4, impact: 5 }), // Critical 20
];

const LOG_FILTER = aMitigationView('M-1', {
  title: 'Mask card numbers in logs',
  addresses: [{ threatId: 'T-1', strength: 75 }],
  status: 'in-progress',
  storedStatus: 'accepted',
  task: aTask('SHOP-7', { statusName: 'In Progress', categoryKey: 'indeterminate' }),
});
const LOG_REVIEW = aMitigationView('M-2', {
  title: 'Review logging config',
  addresses: [{ threatId: 'T-1', strength: 25 }],
  status: 'accepted',
});
const CSP = aMitigationView('M-3', {
  title: 'Content security policy',
  addresses: [{ threatId: 'T-2', strength: 100 }],
  status: 'existing',
});

async function renderPanel() {
  const user = userEvent.setup();
  render(<StoryPanel />);
  await screen.findByRole('list', { name: 'WITHOUT clauses' });
  return user;
}

const threatItem = (threatId: string, list = 'Threats of clause “having my card data stolen”') =>
  within(screen.getByRole('list', { name: list }))
    .getAllByRole('listitem')
    .find((item) => item.querySelector(`[aria-label^="${threatId} "]`)) as HTMLElement;
const mitigationsOf = (threatId: string) => screen.getByRole('list', { name: `Mitigations of ${threatId}` });
const reads = () => fakeBridge.invocationsOf('story/get').length;

afterEach(() => {
  fakeBridge.reset();
  jest.useRealTimers();
});

describe('story panel, mitigations and risk', () => {
  it('shows each linked threat’s residual and planned risk, and "Fully mitigated" when it is', async () => {
    givenStoryBackend(aStoryView({ clauses: [{ ...CARD, threatIds: ['T-1', 'T-2'] }] }), MODEL, [
      LOG_FILTER,
      LOG_REVIEW,
      CSP,
    ]);
    await renderPanel();

    // T-1: nothing in place yet; 75 in progress + 25 accepted (not counted) -> planned 12 x 0.25 = 3.
    expect(within(threatItem('T-1')).getByText('Residual 12 of 12 · 3 once planned work is done')).toBeTruthy();
    expect(within(threatItem('T-2')).getByText('Fully mitigated')).toBeTruthy();
    expect(within(threatItem('T-2')).queryByText(/Residual/)).toBeNull();
  });

  it('lists a threat’s mitigations with strength against it, status, and the task with its Jira status', async () => {
    givenStoryBackend(aStoryView({ clauses: [CARD] }), MODEL, [LOG_FILTER, LOG_REVIEW, CSP]);
    await renderPanel();

    const item = within(mitigationsOf('T-1')).getByTestId('mitigation-T-1-M-1');
    expect(within(item).getByText('Mask card numbers in logs')).toBeTruthy();
    expect(within(item).getByText('strong, 75%')).toBeTruthy();
    expect(within(item).getByText('In progress')).toBeTruthy();
    expect(within(item).getByRole('link', { name: 'SHOP-7' }).getAttribute('href')).toBe('/browse/SHOP-7');
    expect(within(item).getByText('In Progress')).toBeTruthy();
    expect(within(mitigationsOf('T-1')).getAllByRole('listitem')).toHaveLength(2);
    // M-3 addresses T-2 only, which this story does not point at.
    expect(screen.queryByText('Content security policy')).toBeNull();
  });

  it('opens the task through the host router', async () => {
    givenStoryBackend(aStoryView({ clauses: [CARD] }), MODEL, [LOG_FILTER]);
    const user = await renderPanel();

    await user.click(screen.getByRole('link', { name: 'SHOP-7' }));

    expect(fakeBridge.navigations()).toEqual([{ url: '/browse/SHOP-7', type: 'new-tab' }]);
  });

  it('shows mitigations under threats linked directly to the story too', async () => {
    givenStoryBackend(aStoryView({ clauses: [], directThreatIds: ['T-2'] }), MODEL, [CSP]);
    render(<StoryPanel />);

    const direct = await screen.findByRole('list', { name: 'Linked threats not covered by a clause' });
    expect(within(direct).getByText('Fully mitigated')).toBeTruthy();
    expect(within(direct).getByText('Content security policy')).toBeTruthy();
    expect(within(direct).getByText('complete, 100%')).toBeTruthy();
  });

  it('creates a task once on a double click, disabled while it runs, and shows it in place', async () => {
    const backend = givenStoryBackend(aStoryView({ clauses: [CARD] }), MODEL, [LOG_REVIEW]);
    const user = await renderPanel();
    const release = backend.pause('mitigation/create-task');

    await user.dblClick(screen.getByRole('button', { name: 'Create task for M-2' }));

    expect(fakeBridge.payloadsOf('mitigation/create-task')).toEqual([{ mitigationId: 'M-2' }]);
    const button = screen.getByRole('button', { name: 'Create task for M-2' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.textContent).toBe('Creating task…');

    const readsBefore = reads();
    act(() => release());

    const item = await screen.findByTestId('mitigation-T-1-M-2');
    expect(await within(item).findByRole('link', { name: 'SHOP-100' })).toBeTruthy();
    expect(within(item).getByText('To Do')).toBeTruthy();
    expect(within(item).queryByRole('button', { name: 'Create task for M-2' })).toBeNull();
    // The clauses stayed on screen, and the story was read again for the risk.
    expect(screen.getByRole('list', { name: 'WITHOUT clauses' })).toBeTruthy();
    await waitFor(() => expect(reads()).toBe(readsBefore + 1));
    expect(fakeBridge.payloadsOf('mitigation/create-task')).toHaveLength(1);
    // A confirmation names the new task.
    expect(fakeBridge.flags()).toEqual([expect.objectContaining({ title: 'SHOP-100 created', type: 'success' })]);
  });

  it('shows why a task could not be created next to the mitigation', async () => {
    givenStoryBackend(aStoryView({ clauses: [CARD] }), MODEL, [LOG_REVIEW]);
    fakeBridge.answer('mitigation/create-task', () => ({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'You can’t create tasks in SHOP.' },
    }));
    const user = await renderPanel();

    await user.click(screen.getByRole('button', { name: 'Create task for M-2' }));

    expect((await screen.findByRole('alert')).textContent).toBe('You can’t create tasks in SHOP.');
    expect((screen.getByRole('button', { name: 'Create task for M-2' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('offers Create task only with the permission, for a mitigation without a task that is not rejected', async () => {
    const rejected = aMitigationView('M-4', {
      title: 'Tokenise cards',
      addresses: [{ threatId: 'T-1', strength: 100 }],
      status: 'rejected',
      rejectionReason: 'PSP does it',
    });
    givenStoryBackend(aStoryView({ clauses: [CARD] }), MODEL, [LOG_FILTER, LOG_REVIEW, rejected]);
    await renderPanel();

    // M-1 has its task, M-4 is rejected.
    expect(
      screen.getAllByRole('button', { name: /^Create task for/ }).map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Create task for M-2']);
  });

  it('hides Create task, Add and Edit when the viewer may do neither', async () => {
    givenStoryBackend(aStoryView({ clauses: [CARD], canCreateTasks: false, canEditThreatModel: false }), MODEL, [
      LOG_REVIEW,
    ]);
    await renderPanel();

    expect(screen.getByText('Review logging config')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Create task|Add mitigation|Edit M-/ })).toBeNull();
  });

  it('adds a mitigation preset to the threat, shows it in place and reads the risk again', async () => {
    givenStoryBackend(aStoryView({ clauses: [CARD] }), MODEL);
    const user = await renderPanel();
    expect(within(threatItem('T-1')).getByText('No mitigation yet')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Add mitigation to T-1' }));
    expect(chosenIn('Strength against T-1')).toBe('average (50%)');
    await user.type(screen.getByLabelText('Title'), 'Mask card numbers in logs');
    await choose(user, 'Strength against T-1', 'complete (100%)');
    await choose(user, 'Status', 'Implemented');
    const readsBefore = reads();
    await user.click(screen.getByRole('button', { name: 'Add mitigation' }));

    expect(fakeBridge.payloadsOf('mitigation/add')).toEqual([
      { draft: aMitigationDraft({ addresses: [{ threatId: 'T-1', strength: 100 }], status: 'implemented' }) },
    ]);
    expect(await within(mitigationsOf('T-1')).findByText('Mask card numbers in logs')).toBeTruthy();
    expect(screen.queryByLabelText('Title')).toBeNull();
    expect(await within(threatItem('T-1')).findByText('Fully mitigated')).toBeTruthy();
    expect(reads()).toBe(readsBefore + 1);
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add mitigation to T-1' })),
    );
  });

  it('keeps the form and shows the error when adding fails', async () => {
    givenStoryBackend(aStoryView({ clauses: [CARD] }), MODEL);
    fakeBridge.answer('mitigation/add', () => ({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'T-1 is retired; a new mitigation cannot address it.' },
    }));
    const user = await renderPanel();

    await user.click(screen.getByRole('button', { name: 'Add mitigation to T-1' }));
    await user.type(screen.getByLabelText('Title'), 'Mask card numbers');
    await user.click(screen.getByRole('button', { name: 'Add mitigation' }));

    expect(await screen.findByText('T-1 is retired; a new mitigation cannot address it.')).toBeTruthy();
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Mask card numbers');
  });

  it('edits a mitigation from its revision, and explains a conflict', async () => {
    const backend = givenStoryBackend(aStoryView({ clauses: [CARD] }), MODEL, [LOG_REVIEW]);
    const user = await renderPanel();

    await user.click(screen.getByRole('button', { name: 'Edit M-2' }));
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Review logging config');
    expect(chosenIn('Status')).toBe('Accepted');
    await choose(user, 'Strength against T-1', 'average (50%)');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(fakeBridge.payloadsOf('mitigation/update')).toEqual([
      {
        id: 'M-2',
        baseRevision: 1,
        draft: aMitigationDraft({
          title: 'Review logging config',
          addresses: [{ threatId: 'T-1', strength: 50 }],
          status: 'accepted',
        }),
      },
    ]);
    expect(await within(mitigationsOf('T-1')).findByText('average, 50%')).toBeTruthy();

    backend.mitigationChangedElsewhere('M-2', { title: 'Review the logging config' });
    await user.click(screen.getByRole('button', { name: 'Edit M-2' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(
      await screen.findByText(
        'Someone else changed M-2 while you were editing. Cancel, then edit it again to start from their version.',
      ),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Edit M-2' }));
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Review the logging config');
  });

  it('closes the form with Escape', async () => {
    givenStoryBackend(aStoryView({ clauses: [CARD] }), MODEL, [LOG_REVIEW]);
    const user = await renderPanel();

    await user.click(screen.getByRole('button', { name: 'Edit M-2' }));
    await user.type(screen.getByLabelText('Title'), '{Escape}');

    expect(screen.queryByLabelText('Title')).toBeNull();
    expect(fakeBridge.payloadsOf('mitigation/update')).toEqual([]);
  });

  it('folds the mitigations of a threat that has more than three, and unfolds them on request', async () => {
    const many = [1, 2, 3, 4].map((n) =>
      aMitigationView(`M-${n}`, { title: `Control ${n}`, addresses: [{ threatId: 'T-1', strength: 25 }] }),
    );
    givenStoryBackend(aStoryView({ clauses: [CARD] }), MODEL, many);
    const user = await renderPanel();

    const toggle = screen.getByRole('button', { name: 'Mitigations of T-1 (4)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('Control 1')).toBeNull();

    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(within(mitigationsOf('T-1')).getAllByRole('listitem')).toHaveLength(4);
  });
});

describe('story panel, live refresh', () => {
  it('reads the story again on window focus, and shows a task done elsewhere with its lower risk', async () => {
    const backend = givenStoryBackend(aStoryView({ clauses: [CARD] }), MODEL, [LOG_FILTER]);
    await renderPanel();
    expect(within(threatItem('T-1')).getByText('Residual 12 of 12 · 3 once planned work is done')).toBeTruthy();

    backend.taskMoved('M-1', { statusName: 'Done', categoryKey: 'done' });
    fireEvent.focus(window);

    expect(await within(threatItem('T-1')).findByText('Residual 3 of 12')).toBeTruthy();
    const item = within(mitigationsOf('T-1')).getByTestId('mitigation-T-1-M-1');
    expect(within(item).getByText('Implemented')).toBeTruthy();
    expect(within(item).getByText('Done')).toBeTruthy();
  });

  it('keeps showing the story while it is read again', async () => {
    givenStoryBackend(aStoryView({ clauses: [CARD] }), MODEL, [LOG_FILTER]);
    await renderPanel();
    const answer = deferred<Envelope<StoryView>>();
    fakeBridge.givenResolver('story/get', () => answer.promise);

    fireEvent.focus(window);

    await waitFor(() => expect(reads()).toBe(2));
    expect(screen.getByRole('list', { name: 'WITHOUT clauses' })).toBeTruthy();
    expect(screen.queryByRole('img', { name: 'Loading WITHOUT clauses' })).toBeNull();
    fireEvent.focus(window);
    expect(reads()).toBe(2);
    await act(async () =>
      answer.resolve({ ok: true, data: aStoryView({ clauses: [CARD], mitigations: [] as MitigationView[] }) }),
    );
  });

  it('never lets a read that started before a save undo it when it answers late', async () => {
    givenStoryBackend(aStoryView({ clauses: [CARD] }), MODEL, [LOG_FILTER]);
    const user = await renderPanel();
    const late = deferred<Envelope<StoryView>>();
    fakeBridge.givenResolver('story/get', () => late.promise);
    fireEvent.focus(window);
    await waitFor(() => expect(reads()).toBe(2));

    await user.type(screen.getByRole('textbox', { name: 'New WITHOUT clause' }), 'leaking my order history{Enter}');
    const added = { name: 'Edit clause “leaking my order history”' };
    expect(await screen.findByRole('button', added)).toBeTruthy();

    await act(async () => late.resolve({ ok: true, data: aStoryView({ clauses: [CARD], mitigations: [LOG_FILTER] }) }));
    expect(screen.getByRole('button', added)).toBeTruthy();
  });

  it('reads the story every 15 seconds while the document is visible', async () => {
    jest.useFakeTimers();
    const backend = givenStoryBackend(aStoryView({ clauses: [CARD] }), MODEL, [LOG_FILTER]);
    render(<StoryPanel />);
    await screen.findByRole('list', { name: 'WITHOUT clauses' });
    expect(reads()).toBe(1);

    act(() => jest.advanceTimersByTime(14_000));
    expect(reads()).toBe(1);

    backend.taskMoved('M-1', { statusName: 'Done', categoryKey: 'done' });
    act(() => jest.advanceTimersByTime(1_000));
    expect(reads()).toBe(2);
    expect(await within(threatItem('T-1')).findByText('Residual 3 of 12')).toBeTruthy();

    const visibility = jest.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => jest.advanceTimersByTime(45_000));
    expect(reads()).toBe(2);

    visibility.mockReturnValue('visible');
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(reads()).toBe(3);
    visibility.mockRestore();
  });

  it('does not refresh while a mitigation form or a clause editor is open', async () => {
    givenStoryBackend(aStoryView({ clauses: [CARD] }), MODEL, [LOG_FILTER]);
    const user = await renderPanel();

    await user.click(screen.getByRole('button', { name: 'Add mitigation to T-1' }));
    fireEvent.focus(window);
    expect(reads()).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    await user.click(screen.getByRole('button', { name: 'Edit clause “having my card data stolen”' }));
    fireEvent.focus(window);
    expect(reads()).toBe(1);
    await user.keyboard('{Escape}');

    fireEvent.focus(window);
    await waitFor(() => expect(reads()).toBe(2));
  });

  it('says so, and keeps the story, when a refresh fails', async () => {
    givenStoryBackend(aStoryView({ clauses: [CARD] }), MODEL, [LOG_FILTER]);
    await renderPanel();
    fakeBridge.answer('story/get', () => ({
      ok: false,
      error: { code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer in time.' },
    }));

    fireEvent.focus(window);

    expect(await screen.findByText('Could not refresh just now; what you see may be out of date.')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'WITHOUT clauses' })).toBeTruthy();
  });
});

describe('story panel, refresh and the new clause field', () => {
  afterEach(() => fakeBridge.reset());

  it('waits while a new clause is being typed', async () => {
    givenStoryBackend(aStoryView({ clauses: [CARD] }), MODEL, [LOG_FILTER]);
    const user = await renderPanel();

    await user.type(screen.getByRole('textbox', { name: 'New WITHOUT clause' }), 'leaking my address');
    fireEvent.focus(window);
    expect(reads()).toBe(1);

    await user.clear(screen.getByRole('textbox', { name: 'New WITHOUT clause' }));
    fireEvent.focus(window);
    await waitFor(() => expect(reads()).toBe(2));
  });

  it('gives focus back to Edit after saving a mitigation listed under two clauses', async () => {
    givenStoryBackend(
      aStoryView({ clauses: [CARD, { id: 'c2', text: 'exposing card data in support tickets', threatIds: ['T-1'] }] }),
      MODEL,
      [LOG_REVIEW],
    );
    const user = await renderPanel();

    const second = within(
      screen.getByRole('list', { name: 'Threats of clause “exposing card data in support tickets”' }),
    );
    await user.click(second.getByRole('button', { name: 'Edit M-2' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(document.activeElement).toBe(second.getByRole('button', { name: 'Edit M-2' })));
  });
});
