import { fakeBridge, sprintHost } from './test-support/sprint-host-bridge';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Envelope } from '../../../../src/domain/common/envelope';
import type { SprintPlanView } from '../../../../src/contract';
import { deferred } from '../test-support/fake-bridge';
import { SprintPlan } from './sprint-plan';
import { aSprintPlan, okPlan } from './test-support/sprint-plan-mother';

afterEach(() => sprintHost.reset());

async function renderPlan(plan: SprintPlanView = aSprintPlan()) {
  fakeBridge.answer('sprint/get', () => okPlan(plan));
  const user = userEvent.setup();
  render(<SprintPlan sprintId={plan.sprint.id} />);
  await screen.findByTestId('sprint-risk');
  return user;
}

const story = (key: string) => within(screen.getByTestId(`story-${key}`));
const mitigationLine = (storyKey: string, threatId: string, mitigationId: string) =>
  screen.getByTestId(`mitigation-${storyKey}-${threatId}-${mitigationId}`);

describe('sprint plan', () => {
  it('shows a spinner, then the sprint with its goal and the risk now and after the sprint', async () => {
    const answer = deferred<Envelope<SprintPlanView>>();
    fakeBridge.answer('sprint/get', () => answer.promise);
    render(<SprintPlan sprintId={4} />);
    expect(screen.getByRole('img', { name: 'Loading the sprint plan' })).toBeTruthy();

    answer.resolve(okPlan(aSprintPlan()));

    expect((await screen.findByTestId('sprint-risk')).textContent).toBe('Risk now 35 → after this sprint 32');
    expect(fakeBridge.payloadsOf('sprint/get')).toEqual([{ sprintId: 4 }]);
    expect(screen.getByRole('heading', { name: 'Sprint 4' })).toBeTruthy();
    expect(screen.getByText('Active')).toBeTruthy();
    expect(screen.getByText('Goal: Checkout with saved cards')).toBeTruthy();
  });

  it('lists the planned stories with their clauses, threats, residual risk and mitigations', async () => {
    await renderPlan();

    const pay1 = story('PAY-1');
    expect(pay1.getByRole('link', { name: 'PAY-1' })).toBeTruthy();
    expect(pay1.getByText('Pay with a credit card')).toBeTruthy();
    expect(pay1.getByText('In Progress')).toBeTruthy();
    expect(pay1.getByText('having my card data stolen')).toBeTruthy();
    expect(pay1.getByText('T-1 · High 12')).toBeTruthy();
    expect(pay1.getByText('Card data read from logs')).toBeTruthy();
    expect(pay1.getByText('Residual 9 of 12 · 3 once planned work is done')).toBeTruthy();
    expect(pay1.getByText('T-2 · Critical 20')).toBeTruthy();
    expect(pay1.getByText('Residual 20 of 20')).toBeTruthy();

    const pay2 = story('PAY-2');
    expect(pay2.getByText('T-3 · Medium 6')).toBeTruthy();
    expect(pay2.getByText('No threat linked to this clause yet.')).toBeTruthy();
    expect(pay2.getByText('Linked directly')).toBeTruthy();
    expect(pay2.getByText('T-9 · unknown')).toBeTruthy();
    expect(pay2.getByText('Retired, or not in this project’s threat model')).toBeTruthy();
  });

  it('says where the task of each mitigation is, with a link to it when there is one', async () => {
    await renderPlan();

    const line = (storyKey: string, threatId: string, mitigationId: string) =>
      mitigationLine(storyKey, threatId, mitigationId).textContent;
    expect(line('PAY-1', 'T-1', 'M-1')).toBe(
      'M-1Mask card numbers in logsstrong, 75%AcceptedIn this sprintPAY-11To Do',
    );
    expect(line('PAY-1', 'T-1', 'M-2')).toBe('M-2Sign payment callbacksaverage, 50%AcceptedIn the backlogPAY-12To Do');
    expect(line('PAY-1', 'T-2', 'M-2')).toContain('In the backlog');
    expect(line('PAY-1', 'T-2', 'M-3')).toBe('M-3Verify callback originstrong, 75%ProposedNo task yet');
    expect(line('PAY-1', 'T-1', 'M-6')).toBe('M-6Log retention of 7 daysweak, 25%ImplementedDonePAY-16Done');
    expect(line('PAY-2', 'T-3', 'M-4')).toBe(
      'M-4Ask for the CVC on saved cardsaverage, 50%AcceptedIn Sprint 5PAY-14To Do',
    );
    // Already in place, with no task: its status says so, no place is repeated.
    expect(line('PAY-2', 'T-3', 'M-5')).toBe('M-5Session timeoutweak, 25%Existing');
    expect(within(mitigationLine('PAY-1', 'T-1', 'M-1')).getByRole('link', { name: 'PAY-11' })).toBeTruthy();
  });

  it('opens a story through the host', async () => {
    const user = await renderPlan();

    await user.click(story('PAY-1').getByRole('link', { name: 'PAY-1' }));

    expect(fakeBridge.navigations()).toEqual([{ url: '/browse/PAY-1', type: 'new-tab' }]);
  });

  it('shows the warnings, links their stories, and offers each its fix', async () => {
    await renderPlan(
      aSprintPlan({
        warnings: [
          {
            kind: 'clause-without-threat',
            storyKey: 'PAY-2',
            clauseId: 'c3',
            message: 'The WITHOUT clause “being tracked across shops” of PAY-2 points at no threat.',
          },
          {
            kind: 'threat-without-mitigation',
            storyKey: 'PAY-1',
            threatId: 'T-2',
            message: 'T-2 has no mitigation yet.',
          },
        ],
      }),
    );

    expect(screen.getByText('2 gaps in the security planning of this sprint')).toBeTruthy();
    const items = within(screen.getByRole('list', { name: 'Sprint warnings' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'The WITHOUT clause “being tracked across shops” of PAY-2 points at no threat.Link a threat',
      'PAY-1: T-2 has no mitigation yet.Add a mitigation',
    ]);
    expect(within(items[0]!).getByRole('link', { name: 'PAY-2' })).toBeTruthy();
    expect(within(items[1]!).getByRole('link', { name: 'PAY-1' })).toBeTruthy();
  });

  it('shows no warnings section when there is nothing to warn about', async () => {
    await renderPlan(aSprintPlan({ warnings: [] }));

    expect(screen.queryByRole('list', { name: 'Sprint warnings' })).toBeNull();
  });

  it('says so when the sprint has no stories', async () => {
    await renderPlan(aSprintPlan({ stories: [], pullIn: [], warnings: [] }));

    expect(screen.getByText('No stories in this sprint yet')).toBeTruthy();
    expect(screen.queryByText(/Security work to pull in/)).toBeNull();
  });

  it('says so when all the security work is planned', async () => {
    await renderPlan(aSprintPlan({ pullIn: [], warnings: [] }));

    expect(screen.getByText('Security work to pull in (0)')).toBeTruthy();
    expect(screen.getByText('All the security work of this sprint’s stories is planned.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add selected to sprint' })).toBeNull();
  });

  it('never says "all planned" under gaps: nothing to pull in, and how many gaps are left', async () => {
    await renderPlan(aSprintPlan({ pullIn: [] }));

    expect(screen.getByText('1 gap in the security planning of this sprint')).toBeTruthy();
    expect(
      screen.getByText('Nothing left to pull in; 1 gap above still needs work: 1 clause without a threat.'),
    ).toBeTruthy();
    expect(screen.queryByText(/is planned/)).toBeNull();
  });

  it('names stored values that could not be read', async () => {
    await renderPlan(aSprintPlan({ problems: ['The WITHOUT clauses of PAY-7 could not be read.'] }));

    expect(screen.getByText('Some stored values could not be read')).toBeTruthy();
    expect(screen.getByText('The WITHOUT clauses of PAY-7 could not be read.')).toBeTruthy();
  });

  it('shows an error with Try again when the plan cannot be read, then the plan', async () => {
    let calls = 0;
    fakeBridge.answer('sprint/get', () => {
      calls += 1;
      return calls === 1
        ? { ok: false, error: { code: 'NOT_FOUND', message: 'Sprint 4 does not exist any more.' } }
        : okPlan(aSprintPlan());
    });
    const user = userEvent.setup();
    render(<SprintPlan sprintId={4} />);

    expect(await screen.findByText('Could not load the sprint plan')).toBeTruthy();
    expect(screen.getByText('Sprint 4 does not exist any more.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByTestId('sprint-risk')).toBeTruthy();
    expect(fakeBridge.payloadsOf('sprint/get')).toEqual([{ sprintId: 4 }, { sprintId: 4 }]);
  });

  it('reads the plan again when the window gets focus, keeping it on screen meanwhile', async () => {
    const plans = [aSprintPlan(), aSprintPlan({ risk: { now: 35, afterSprint: 20 } })];
    const second = deferred<Envelope<SprintPlanView>>();
    fakeBridge.answer('sprint/get', () =>
      fakeBridge.payloadsOf('sprint/get').length === 1 ? okPlan(plans[0]!) : second.promise,
    );
    render(<SprintPlan sprintId={4} />);
    await screen.findByTestId('sprint-risk');

    act(() => {
      window.dispatchEvent(new Event('focus'));
    });

    await waitFor(() => expect(fakeBridge.payloadsOf('sprint/get')).toHaveLength(2));
    expect(screen.getByTestId('sprint-risk').textContent).toBe('Risk now 35 → after this sprint 32');
    second.resolve(okPlan(plans[1]!));
    await waitFor(() =>
      expect(screen.getByTestId('sprint-risk').textContent).toBe('Risk now 35 → after this sprint 20'),
    );
  });
});
