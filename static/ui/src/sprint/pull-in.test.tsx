import { fakeBridge, sprintHost } from './test-support/sprint-host-bridge';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Envelope } from '../../../../src/domain/common/envelope';
import type { SprintPlanView } from '../../../../src/contract';
import { deferred } from '../test-support/fake-bridge';
import { SprintPlan } from './sprint-plan';
import { afterAdding, aSprintPlan, okPlan } from './test-support/sprint-plan-mother';

afterEach(() => sprintHost.reset());

/** The plan, and a backend that pulls the work in as Jira would. */
async function renderPlan(plan: SprintPlanView = aSprintPlan()) {
  fakeBridge.answer('sprint/get', () => okPlan(plan));
  fakeBridge.answer('sprint/add-tasks', ({ mitigationIds }) => okPlan(afterAdding(plan, mitigationIds)));
  const user = userEvent.setup();
  render(<SprintPlan sprintId={plan.sprint.id} />);
  await screen.findByTestId('sprint-risk');
  return user;
}

const pullInList = () => screen.getByRole('list', { name: 'Security work to pull in' });
const pullInIds = () =>
  within(pullInList())
    .queryAllByRole('listitem')
    .map((item) => item.getAttribute('data-testid'));
const item = (id: string) => within(screen.getByTestId(`pull-in-${id}`));
const placeOf = (storyKey: string, threatId: string, mitigationId: string) =>
  screen.getByTestId(`mitigation-${storyKey}-${threatId}-${mitigationId}`).textContent;

describe('security work to pull in', () => {
  it('names each threat by its title too (cut short, whole on hover and in its name), and explains "removes"', async () => {
    await renderPlan();
    const m2 = item('M-2');

    const chip = m2.getByTestId('threat-chip-T-2');
    expect(chip.getAttribute('aria-label')).toMatch(/^T-2 Critical 20: .+/);
    const title = chip.getAttribute('aria-label')!.replace(/^T-2 Critical 20: /, '');
    expect(chip.textContent).toBe(`T-2 · Critical 20${title}`);
    expect(within(chip).getByText(title).style.textOverflow).toBe('ellipsis');

    const removes = m2.getByText('removes 16').closest('[aria-description]')!;
    expect(removes.getAttribute('aria-description')).toMatch(/^Removes: the risk this work takes away once done/);
    expect(removes.getAttribute('tabindex')).toBe('0');
  });

  it('lists the work in the backend’s order, with the risk it removes, its threats, stories and where it is', async () => {
    await renderPlan();

    expect(screen.getByText('Security work to pull in (3)')).toBeTruthy();
    expect(pullInIds()).toEqual(['pull-in-M-2', 'pull-in-M-3', 'pull-in-M-4']);

    const m2 = item('M-2');
    expect(m2.getByText('Sign payment callbacks')).toBeTruthy();
    expect(m2.getByText('removes 16')).toBeTruthy();
    expect(m2.getByText('T-1 · High 12')).toBeTruthy();
    expect(m2.getByText('T-2 · Critical 20')).toBeTruthy();
    expect(m2.getByRole('link', { name: 'PAY-1' })).toBeTruthy();
    expect(m2.getByText('In the backlog')).toBeTruthy();
    expect(m2.getByRole('link', { name: 'PAY-12' })).toBeTruthy();
    expect(m2.getByRole('button', { name: 'Add to sprint: M-2' }).textContent).toBe('Add to sprint');

    const m3 = item('M-3');
    expect(m3.getByText('removes 15')).toBeTruthy();
    expect(m3.getByText('No task yet')).toBeTruthy();
    expect(m3.getByRole('button', { name: 'Create task and add: M-3' }).textContent).toBe('Create task and add');

    const m4 = item('M-4');
    expect(m4.getByText('In Sprint 5')).toBeTruthy();
    expect(m4.getByText(/Needed by/).textContent).toBe('Needed by PAY-2');
    expect(m4.getByRole('button', { name: 'Add to sprint: M-4' })).toBeTruthy();
  });

  it('adds one item with one request however often it is clicked, and shows the sprint with it in place', async () => {
    const plan = aSprintPlan();
    const answer = deferred<Envelope<SprintPlanView>>();
    fakeBridge.answer('sprint/get', () => okPlan(plan));
    fakeBridge.answer('sprint/add-tasks', () => answer.promise);
    const user = userEvent.setup();
    render(<SprintPlan sprintId={4} />);
    await screen.findByTestId('sprint-risk');

    await user.dblClick(item('M-2').getByRole('button', { name: 'Add to sprint: M-2' }));
    await user.click(item('M-2').getByRole('button', { name: 'Add to sprint: M-2' }));

    expect(fakeBridge.payloadsOf('sprint/add-tasks')).toEqual([{ sprintId: 4, mitigationIds: ['M-2'] }]);
    expect(item('M-2').getByRole('button', { name: 'Add to sprint: M-2' }).textContent).toBe('Adding…');
    expect(item('M-2').getByRole('button', { name: 'Add to sprint: M-2' }).hasAttribute('disabled')).toBe(true);
    expect(item('M-4').getByRole('button', { name: 'Add to sprint: M-4' }).hasAttribute('disabled')).toBe(true);
    expect(item('M-3').getByRole('button', { name: 'Create task and add: M-3' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Adding M-2 to Sprint 4…');

    answer.resolve(okPlan(afterAdding(plan, ['M-2'])));

    await waitFor(() => expect(pullInIds()).toEqual(['pull-in-M-3', 'pull-in-M-4']));
    expect(screen.getByTestId('sprint-risk').textContent).toBe('Risk now 35 → after this sprint 16');
    expect(placeOf('PAY-1', 'T-1', 'M-2')).toContain('In this sprint');
    expect(placeOf('PAY-1', 'T-2', 'M-2')).toContain('In this sprint');
    expect(sprintHost.callsOf('showFlag')).toEqual([
      expect.objectContaining({
        title: 'PAY-12 added to Sprint 4',
        description: 'M-2: Sign payment callbacks',
        type: 'success',
      }),
    ]);
    expect(item('M-4').getByRole('button', { name: 'Add to sprint: M-4' }).hasAttribute('disabled')).toBe(false);
    // In place: the answer is the new plan; nothing is read again.
    expect(fakeBridge.payloadsOf('sprint/get')).toHaveLength(1);
    expect(document.activeElement?.textContent).toBe('Security work to pull in (2)');
  });

  it('creates the missing task and adds it', async () => {
    const user = await renderPlan();

    await user.click(item('M-3').getByRole('button', { name: 'Create task and add: M-3' }));

    await waitFor(() => expect(pullInIds()).toEqual(['pull-in-M-2', 'pull-in-M-4']));
    expect(fakeBridge.payloadsOf('sprint/add-tasks')).toEqual([{ sprintId: 4, mitigationIds: ['M-3'] }]);
    expect(placeOf('PAY-1', 'T-2', 'M-3')).toBe(
      'M-3Verify callback originstrong, 75%AcceptedIn this sprintPAY-23To Do',
    );
    expect(sprintHost.callsOf('showFlag')).toEqual([
      expect.objectContaining({ title: 'PAY-23 created and added to Sprint 4' }),
    ]);
  });

  it('adds the selected items in one request', async () => {
    const user = await renderPlan();
    const addSelected = screen.getByRole('button', { name: 'Add selected to sprint' });
    expect(addSelected.hasAttribute('disabled')).toBe(true);

    await user.click(item('M-4').getByRole('checkbox', { name: 'Select M-4' }));
    await user.click(item('M-2').getByRole('checkbox', { name: 'Select M-2' }));
    expect(screen.getByText('2 selected')).toBeTruthy();
    await user.dblClick(addSelected);

    await waitFor(() => expect(pullInIds()).toEqual(['pull-in-M-3']));
    expect(fakeBridge.payloadsOf('sprint/add-tasks')).toEqual([{ sprintId: 4, mitigationIds: ['M-2', 'M-4'] }]);
    expect(placeOf('PAY-2', 'T-3', 'M-4')).toContain('In this sprint');
    expect(sprintHost.callsOf('showFlag')).toEqual([
      expect.objectContaining({ title: '2 tasks added to Sprint 4', description: 'PAY-12, PAY-14' }),
    ]);
    expect(screen.getByText('0 selected')).toBeTruthy();
  });

  it('selects everything with Select all, and creates the missing tasks with the rest', async () => {
    const user = await renderPlan();

    await user.click(screen.getByRole('checkbox', { name: 'Select all' }));
    expect(screen.getByText('3 selected')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add selected to sprint' }));

    // The demo plan keeps one gap (a clause with no threat): nothing is left to pull in, and it says so.
    await screen.findByText('Nothing left to pull in; 1 gap above still needs work: 1 clause without a threat.');
    expect(fakeBridge.payloadsOf('sprint/add-tasks')).toEqual([{ sprintId: 4, mitigationIds: ['M-2', 'M-3', 'M-4'] }]);
    expect(sprintHost.callsOf('showFlag')).toEqual([
      expect.objectContaining({ title: '3 tasks added to Sprint 4', description: 'PAY-12, PAY-23 (new), PAY-14' }),
    ]);
  });

  it('shows the backend’s sentence when adding fails, keeps the list, and reads the plan again', async () => {
    const user = await renderPlan();
    fakeBridge.answer('sprint/add-tasks', () => ({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'You cannot move PAY-12: it belongs to another project.' },
    }));

    await user.click(item('M-2').getByRole('button', { name: 'Add to sprint: M-2' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'You cannot move PAY-12: it belongs to another project.',
    );
    expect(screen.getByText('Could not add the work to the sprint')).toBeTruthy();
    expect(pullInIds()).toEqual(['pull-in-M-2', 'pull-in-M-3', 'pull-in-M-4']);
    expect(item('M-2').getByRole('button', { name: 'Add to sprint: M-2' }).hasAttribute('disabled')).toBe(false);
    expect(sprintHost.callsOf('showFlag')).toEqual([]);
    await waitFor(() => expect(fakeBridge.payloadsOf('sprint/get')).toHaveLength(2));
  });

  it('says which work did not reach the sprint when the answer still lists it', async () => {
    const plan = aSprintPlan();
    const user = await renderPlan(plan);
    fakeBridge.answer('sprint/add-tasks', () => okPlan(afterAdding(plan, ['M-2'])));

    await user.click(screen.getByRole('checkbox', { name: 'Select all' }));
    await user.click(screen.getByRole('button', { name: 'Add selected to sprint' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'M-3, M-4 are not in Sprint 4 yet. Try again, or move the task in the backlog.',
    );
    expect(sprintHost.callsOf('showFlag')).toEqual([expect.objectContaining({ title: 'PAY-12 added to Sprint 4' })]);
    expect(screen.getByText('2 selected')).toBeTruthy();
  });

  it('offers no action without permission to schedule issues, and says why', async () => {
    await renderPlan(aSprintPlan({ canSchedule: false }));

    expect(
      screen.getByText('You need permission to schedule issues in this project to add work to a sprint.'),
    ).toBeTruthy();
    expect(pullInIds()).toEqual(['pull-in-M-2', 'pull-in-M-3', 'pull-in-M-4']);
    expect(screen.queryAllByRole('checkbox')).toEqual([]);
    expect(screen.queryAllByRole('button', { name: /sprint|add/i })).toEqual([]);
  });

  it('offers no Create task and add without permission to create issues', async () => {
    const user = await renderPlan(aSprintPlan({ canCreateTasks: false }));

    expect(item('M-3').queryByRole('button')).toBeNull();
    expect(item('M-3').queryByRole('checkbox')).toBeNull();
    expect(
      item('M-3').getByText('You need permission to create issues in this project to create its task.'),
    ).toBeTruthy();
    expect(item('M-2').getByRole('button', { name: 'Add to sprint: M-2' })).toBeTruthy();

    await user.click(screen.getByRole('checkbox', { name: 'Select all' }));
    await user.click(screen.getByRole('button', { name: 'Add selected to sprint' }));

    await waitFor(() =>
      expect(fakeBridge.payloadsOf('sprint/add-tasks')).toEqual([{ sprintId: 4, mitigationIds: ['M-2', 'M-4'] }]),
    );
  });
});
