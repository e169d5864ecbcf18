import { fakeBridge } from '../test-support/fake-bridge';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ok } from '../../../../src/domain/common/envelope';
import type { StoryView } from '../../../../src/contract';
import { StoryPanel } from '../story/story-panel';
import { aMitigationView, aTask, aTaskView } from '../test-support/mitigation-view-mother';
import { aStoryView } from '../test-support/story-view-mother';
import { aThreatView } from '../test-support/threat-view-mother';

const LOGS = aThreatView('T-1', { title: 'Card data read from logs', probability: 3, impact: 4 }); // High 12
const SKIMMING = aThreatView('T-2', { title: 'Card skimming script on checkout', probability: 4, impact: 5 }); // Critical 20

const MITIGATION = aMitigationView('M-3', {
  title: 'Mask card numbers in logs',
  implementation: 'A log filter that masks PANs.\nApplies to every service.',
  verification: '1. Pay with a test card\n2. grep the logs for it',
  controlType: 'detective',
  addresses: [
    { threatId: 'T-1', strength: 75 },
    { threatId: 'T-2', strength: 25 },
  ],
  status: 'in-progress',
  storedStatus: 'accepted',
  task: aTask('SHOP-9', { statusName: 'In Progress', categoryKey: 'indeterminate' }),
});

function taskStory(statusName = 'In Progress', residual = 12): StoryView {
  const mitigation = {
    ...MITIGATION,
    status: statusName === 'Done' ? ('implemented' as const) : ('in-progress' as const),
    task: aTask('SHOP-9', { statusName }),
  };
  return aStoryView({
    issueKey: 'SHOP-9',
    canEdit: true,
    task: aTaskView(
      mitigation,
      [
        { ...LOGS, risk: { residual, planned: 3, fullyMitigated: false } },
        { ...SKIMMING, risk: { residual: 20, planned: 15, fullyMitigated: false } },
      ],
      [
        {
          key: 'SHOP-1',
          summary: 'As a buyer, I want to pay with my card',
          clauses: [
            { text: 'having my card data stolen', threatIds: ['T-1'] },
            { text: 'being charged twice', threatIds: ['T-5'] },
          ],
        },
        { key: 'SHOP-4', summary: 'As an admin, I want to see failed payments', clauses: [] },
      ],
    ),
  });
}

afterEach(() => fakeBridge.reset());

describe('task panel', () => {
  it('shows the mitigation the task carries instead of the clause editor', async () => {
    fakeBridge.answer('story/get', () => ok(taskStory()));
    render(<StoryPanel />);

    expect(
      await screen.findByRole('heading', { name: 'This task carries mitigation M-3: Mask card numbers in logs' }),
    ).toBeTruthy();
    expect(screen.getByText('In progress')).toBeTruthy();
    expect(screen.getByText('Detective control')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'New WITHOUT clause' })).toBeNull();
    expect(screen.queryByText('No WITHOUT clauses yet')).toBeNull();
  });

  it('shows what to implement and how to verify as text, line breaks kept', async () => {
    fakeBridge.answer('story/get', () => ok(taskStory()));
    render(<StoryPanel />);

    const verify = await screen.findByText(/1\. Pay with a test card/);
    expect(verify.textContent).toBe('1. Pay with a test card\n2. grep the logs for it');
    expect(getComputedStyle(verify.parentElement as HTMLElement).whiteSpace).toBe('pre-wrap');
    expect(screen.getByText(/A log filter that masks PANs/).textContent).toBe(
      'A log filter that masks PANs.\nApplies to every service.',
    );
    expect(screen.getByRole('heading', { name: 'What to implement' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'How to verify' })).toBeTruthy();
  });

  it('lists the threats it mitigates with severity, strength and residual risk', async () => {
    fakeBridge.answer('story/get', () => ok(taskStory()));
    render(<StoryPanel />);

    const threats = await screen.findByRole('list', { name: 'Threats it mitigates' });
    const [logs, skimming] = within(threats).getAllByRole('listitem');
    expect(within(logs as HTMLElement).getByText('T-1 · High 12')).toBeTruthy();
    expect(within(logs as HTMLElement).getByText('Card data read from logs')).toBeTruthy();
    expect(within(logs as HTMLElement).getByText('Strength: strong, 75%')).toBeTruthy();
    expect(within(logs as HTMLElement).getByText('Residual 12 of 12 · 3 once planned work is done')).toBeTruthy();
    expect(within(skimming as HTMLElement).getByText('T-2 · Critical 20')).toBeTruthy();
    expect(within(skimming as HTMLElement).getByText('Strength: weak, 25%')).toBeTruthy();
  });

  it('lists the stories it protects with the WITHOUT clauses about its threats, and opens a story', async () => {
    fakeBridge.answer('story/get', () => ok(taskStory()));
    const user = userEvent.setup();
    render(<StoryPanel />);

    const stories = await screen.findByRole('list', { name: 'Stories it protects' });
    const [pay, admin] = within(stories).getAllByRole('listitem');
    expect(within(pay as HTMLElement).getByText('WITHOUT').parentElement?.textContent).toBe(
      'WITHOUT having my card data stolen',
    );
    expect(within(pay as HTMLElement).queryByText(/being charged twice/)).toBeNull();
    expect(within(admin as HTMLElement).getByText(/no WITHOUT clause names them/)).toBeTruthy();

    await user.click(within(pay as HTMLElement).getByRole('link', { name: 'SHOP-1' }));
    expect(fakeBridge.navigations()).toEqual([{ url: '/browse/SHOP-1', type: 'new-tab' }]);
  });

  it('refreshes on focus like the story panel: the task done lowers the residual risk', async () => {
    let view = taskStory();
    fakeBridge.answer('story/get', () => ok(view));
    render(<StoryPanel />);
    const threats = await screen.findByRole('list', { name: 'Threats it mitigates' });
    expect(within(threats).getByText('Residual 12 of 12 · 3 once planned work is done')).toBeTruthy();

    view = taskStory('Done', 3);
    fireEvent.focus(window);

    expect(await within(threats).findByText('Residual 3 of 12')).toBeTruthy();
    expect(screen.getByText('Implemented')).toBeTruthy();
    expect(fakeBridge.invocationsOf('story/get')).toHaveLength(2);
  });
});
