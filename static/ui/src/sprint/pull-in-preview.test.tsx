import { fakeBridge, sprintHost } from './test-support/sprint-host-bridge';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SprintPlanView } from '../../../../src/contract';
import type { Envelope } from '../../../../src/domain/common/envelope';
import { deferred } from '../test-support/fake-bridge';
import { SprintPlan } from './sprint-plan';
import { afterAdding, aSprintPlan, aSprintStory, okPlan } from './test-support/sprint-plan-mother';

afterEach(() => sprintHost.reset());

async function renderPlan(plan: SprintPlanView = aSprintPlan()) {
  fakeBridge.answer('sprint/get', () => okPlan(plan));
  fakeBridge.answer('sprint/add-tasks', ({ mitigationIds }) => okPlan(afterAdding(plan, mitigationIds)));
  const user = userEvent.setup();
  render(<SprintPlan sprintId={plan.sprint.id} />);
  await screen.findByTestId('sprint-risk');
  return user;
}

const preview = () => screen.getByTestId('pull-in-preview').textContent;
const tick = (id: string) => screen.getByRole('checkbox', { name: `Select ${id}` });

describe('the risk after the sprint, previewed as work is ticked', () => {
  it('changes with each box ticked, and is what the header says once the work is in', async () => {
    const user = await renderPlan();
    expect(preview()).toBe('Tick work to see the risk after this sprint with it.');

    // M-2 alone removes 16: the preview says what its "removes" says.
    await user.click(tick('M-2'));
    expect(preview()).toBe('Risk after this sprint with the 1 selected: 16, down from 32.');
    // M-3 lowers T-2 too: what M-2 left of it, not all of it, so less than 16 + 15 more.
    await user.click(tick('M-3'));
    expect(preview()).toBe('Risk after this sprint with the 2 selected: 8.5, down from 32.');
    await user.click(tick('M-2'));
    expect(preview()).toBe('Risk after this sprint with the 1 selected: 17, down from 32.');
    await user.click(tick('M-2'));

    await user.click(screen.getByRole('button', { name: 'Add selected to sprint' }));

    await waitFor(() =>
      expect(screen.getByTestId('sprint-risk').textContent).toBe('Risk now 35 → after this sprint 8.5'),
    );
    expect(preview()).toBe('Tick work to see the risk after this sprint with it.');
  });

  it('explains "after this sprint" where the preview says it', async () => {
    const user = await renderPlan();
    await user.click(tick('M-4'));
    const term = within(screen.getByTestId('pull-in-preview')).getByText('Risk after this sprint');
    expect(term.getAttribute('aria-description')).toMatch(
      /^After this sprint: the project’s risk if every security task/,
    );
    expect(preview()).toBe('Risk after this sprint with the 1 selected: 29, down from 32.');
  });

  it('says when the ticked work brings the risk within the tolerance', async () => {
    const user = await renderPlan(aSprintPlan({ risk: { now: 35, afterSprint: 32, tolerance: 20 } }));
    await user.click(tick('M-4'));
    expect(preview()).toBe(
      'Risk after this sprint with the 1 selected: 29, down from 32; still above the project’s tolerance of 20.',
    );
    await user.click(tick('M-2'));
    expect(preview()).toBe(
      'Risk after this sprint with the 2 selected: 13, down from 32: within the project’s tolerance.',
    );
  });

  it('says when the ticked work does not lower it (a control that does not count)', async () => {
    const plan = aSprintPlan();
    const user = await renderPlan({
      ...plan,
      pullIn: plan.pullIn.map((item) => (item.mitigationId === 'M-4' ? { ...item, effects: [] } : item)),
    });
    await user.click(tick('M-4'));
    expect(preview()).toBe('Risk after this sprint with the 1 selected: 32, the same as without them.');
  });
});

describe('a big sprint, a part at a time', () => {
  const stories = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => aSprintStory(`PAY-${from + i + 1}`));

  it('pages the stories, and pulls work in without leaving the page', async () => {
    const base = aSprintPlan();
    const page = (storyOffset: number): SprintPlanView => ({
      ...base,
      stories: stories(storyOffset, Math.min(storyOffset + 25, 60)),
      storyOffset,
      storyCount: 60,
    });
    fakeBridge.answer('sprint/get', (payload) => okPlan(page(payload.storyOffset ?? 0)));
    fakeBridge.answer('sprint/add-tasks', (payload) =>
      okPlan(afterAdding(page(payload.storyOffset ?? 0), payload.mitigationIds)),
    );
    const user = userEvent.setup();
    render(<SprintPlan sprintId={4} />);
    await screen.findByTestId('sprint-risk');

    expect(screen.getByRole('heading', { name: 'Planned stories (60)' })).toBeTruthy();
    expect(screen.getByText('Stories 1–25 of 60')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Previous stories' }).hasAttribute('disabled')).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Next stories' }));
    expect(await screen.findByText('Stories 26–50 of 60')).toBeTruthy();
    expect(screen.getByTestId('story-PAY-26')).toBeTruthy();
    expect(screen.queryByTestId('story-PAY-1')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Next stories' }));
    expect(await screen.findByText('Stories 51–60 of 60')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Next stories' }).hasAttribute('disabled')).toBe(true);
    expect(fakeBridge.payloadsOf('sprint/get')).toEqual([
      { sprintId: 4 },
      { sprintId: 4, storyOffset: 25 },
      { sprintId: 4, storyOffset: 50 },
    ]);

    await user.click(screen.getByRole('button', { name: 'Add to sprint: M-4' }));
    await waitFor(() => expect(screen.queryByTestId('pull-in-M-4')).toBeNull());
    expect(fakeBridge.payloadsOf('sprint/add-tasks')).toEqual([
      { sprintId: 4, mitigationIds: ['M-4'], storyOffset: 50 },
    ]);
    expect(screen.getByText('Stories 51–60 of 60')).toBeTruthy();
  });

  it('lists the work that removes the most first, and more on request', async () => {
    const base = aSprintPlan({ pullInCount: 120 });
    const more = deferred<Envelope<SprintPlanView>>();
    fakeBridge.answer('sprint/get', (payload) => (payload.pullInLimit ? more.promise : okPlan(base)));
    const user = userEvent.setup();
    render(<SprintPlan sprintId={4} />);
    await screen.findByTestId('sprint-risk');

    expect(screen.getByText('Security work to pull in (120)')).toBeTruthy();
    expect(screen.getByText('Showing the 3 of 120 that remove the most risk.')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Select all shown' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show 50 more' }));
    expect(fakeBridge.payloadsOf('sprint/get')).toEqual([{ sprintId: 4 }, { sprintId: 4, pullInLimit: 53 }]);
    expect(screen.getByRole('button', { name: 'Loading…' }).hasAttribute('disabled')).toBe(true);

    const item = base.pullIn[2]!;
    const extra = Array.from({ length: 50 }, (_, i) => ({ ...item, mitigationId: `M-${10 + i}` }));
    more.resolve(okPlan({ ...base, pullIn: [...base.pullIn, ...extra] }));
    expect(await screen.findByText('Showing the 53 of 120 that remove the most risk.')).toBeTruthy();
    expect((await screen.findByRole('button', { name: 'Show 50 more' })).hasAttribute('disabled')).toBe(false);
  });

  it('names the first stories that need a piece of work, and how many more', async () => {
    const plan = aSprintPlan();
    const [first, ...rest] = plan.pullIn;
    await renderPlan({ ...plan, pullIn: [{ ...first!, storyKeys: ['PAY-1'], storyCount: 1_201 }, ...rest] });
    expect(screen.getByTestId('pull-in-M-2').textContent).toContain('Needed by PAY-1 and 1,200 more');
    expect(screen.getByTestId('pull-in-M-3').textContent).not.toContain('more');
  });

  it('folds a long list of gaps, and still offers suggestions for a story on another page', async () => {
    const gaps = Array.from({ length: 12 }, (_, i) => ({
      kind: 'story-needs-threat-modeling' as const,
      storyKey: `PAY-${100 + i}`,
      message: `PAY-${100 + i} has no WITHOUT clause, but 2 threats of the knowledge base apply to it (High).`,
      needsModeling: { threats: 2, severity: 'High' as const, reasons: ['summary mentions "password"'] },
    }));
    const user = await renderPlan(aSprintPlan({ warnings: gaps, pullIn: [] }));

    const list = screen.getByRole('list', { name: 'Sprint warnings' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(10);
    expect(within(list).getByRole('button', { name: 'Suggest threats for PAY-100' })).toBeTruthy();
    expect(screen.getAllByText('Matched: summary mentions "password"')).toHaveLength(10);
    await user.click(screen.getByRole('button', { name: 'Show all 12 gaps' }));
    expect(within(list).getAllByRole('listitem')).toHaveLength(12);
    expect(
      screen.getByText('Nothing left to pull in; 12 gaps above still need work: 12 stories without WITHOUT clauses.'),
    ).toBeTruthy();
  });
});
