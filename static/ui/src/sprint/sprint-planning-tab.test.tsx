import { fakeBridge, sprintHost } from './test-support/sprint-host-bridge';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SprintChoice } from '../../../../src/contract';
import { SprintPlanningTab } from './sprint-planning-tab';
import { aSprintChoice, aSprintPlan, okPlan } from './test-support/sprint-plan-mother';

afterEach(() => sprintHost.reset());

function givenSprints(sprints: SprintChoice[]) {
  fakeBridge.answer('sprint/list', () => ({ ok: true, data: sprints }));
  fakeBridge.answer('sprint/get', (payload) => {
    const chosen = sprints.find((sprint) => sprint.id === payload.sprintId);
    const plan = aSprintPlan();
    return okPlan({
      ...plan,
      sprint: {
        ...plan.sprint,
        id: chosen?.id ?? 0,
        name: chosen?.name ?? '?',
        state: chosen?.state ?? 'future',
        goal: '',
      },
    });
  });
}

describe('sprint planning tab', () => {
  it('opens on the sprint being planned (the next future one), and on another once picked', async () => {
    // In the backend's order (sprint/list): future sprints in the order they come.
    givenSprints([
      aSprintChoice(5, { name: 'Sprint 5' }),
      aSprintChoice(6, { name: 'Sprint 6' }),
      aSprintChoice(4, { name: 'Sprint 4', state: 'active' }),
    ]);
    const user = userEvent.setup();
    render(<SprintPlanningTab />);

    expect(await screen.findByRole('heading', { name: 'Sprint 5' })).toBeTruthy();
    expect(fakeBridge.payloadsOf('sprint/list')).toEqual([{}]);
    expect(fakeBridge.payloadsOf('sprint/get')).toEqual([{ sprintId: 5 }]);
    expect(screen.getByText('Sprint 5 (future)')).toBeTruthy();

    await user.click(screen.getByLabelText('Sprint'));
    const options = await screen.findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      'Sprint 4 (active)',
      'Sprint 5 (future)',
      'Sprint 6 (future)',
    ]);
    await user.click(screen.getByRole('option', { name: 'Sprint 4 (active)' }));

    expect(await screen.findByRole('heading', { name: 'Sprint 4' })).toBeTruthy();
    expect(fakeBridge.payloadsOf('sprint/get')).toEqual([{ sprintId: 5 }, { sprintId: 4 }]);
    expect(screen.queryByRole('heading', { name: 'Sprint 5' })).toBeNull();
  });

  it('opens on the active sprint when no sprint is planned after it', async () => {
    givenSprints([aSprintChoice(4, { name: 'Sprint 4', state: 'active' })]);
    render(<SprintPlanningTab />);

    expect(await screen.findByRole('heading', { name: 'Sprint 4' })).toBeTruthy();
    expect(fakeBridge.payloadsOf('sprint/get')).toEqual([{ sprintId: 4 }]);
  });

  it('groups the sprints by board when the project has several boards', async () => {
    givenSprints([
      aSprintChoice(4, { name: 'Sprint 4', state: 'active', boardName: 'PAY board' }),
      aSprintChoice(9, { name: 'Mobile 2', state: 'active', boardName: 'Mobile board' }),
      aSprintChoice(5, { name: 'Sprint 5', boardName: 'PAY board' }),
    ]);
    const user = userEvent.setup();
    render(<SprintPlanningTab />);
    await screen.findByRole('heading', { name: 'Sprint 5' });

    await user.click(screen.getByLabelText('Sprint'));

    const listbox = await screen.findByRole('listbox');
    expect(within(listbox).getByText('PAY board')).toBeTruthy();
    expect(within(listbox).getByText('Mobile board')).toBeTruthy();
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Sprint 4 (active)', 'Sprint 5 (future)', 'Mobile 2 (active)']);
  });

  it('says so when the project has no active or future sprint', async () => {
    givenSprints([]);
    render(<SprintPlanningTab />);

    expect(await screen.findByText('No active or future sprints')).toBeTruthy();
    expect(fakeBridge.payloadsOf('sprint/get')).toEqual([]);
  });

  it('shows an error with Try again when the sprints cannot be read', async () => {
    fakeBridge.answer('sprint/list', () => ({
      ok: false,
      error: { code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer. Try again in a moment.' },
    }));
    const user = userEvent.setup();
    render(<SprintPlanningTab />);

    expect(await screen.findByText('Jira did not answer. Try again in a moment.')).toBeTruthy();
    givenSprints([aSprintChoice(4, { name: 'Sprint 4', state: 'active' })]);
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('heading', { name: 'Sprint 4' })).toBeTruthy();
  });
});
