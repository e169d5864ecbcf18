import { act, render, screen, within } from '@testing-library/react';
import type { StorySeen } from '../../../../src/contract';
import { fakeBridge } from '../test-support/fake-bridge';
import { givenStoryBackend } from '../test-support/fake-story-backend';
import { aMitigationView, aTask, aTaskView } from '../test-support/mitigation-view-mother';
import { aStoryView } from '../test-support/story-view-mother';
import { aThreatView } from '../test-support/threat-view-mother';
import { StoryPanel } from './story-panel';
import { TASK_FULL_READ_EVERY } from './use-story-changes';

// Every 15 s the panel asks story/changes whether what its view was built from moved (two small
// Jira requests) and reads the story in full (story/get: the issue, the model, the tasks, the
// permissions) only when it says yes, or cannot say; coming back to the page reads it in full.

const CARD = { id: 'c1', text: 'having my card data stolen', threatIds: ['T-1'] };
const MODEL = [aThreatView('T-1', { title: 'Card data read from logs', probability: 3, impact: 4 })];
const LOG_FILTER = aMitigationView('M-1', {
  title: 'Mask card numbers in logs',
  addresses: [{ threatId: 'T-1', strength: 75 }],
  status: 'in-progress',
  storedStatus: 'accepted',
  task: aTask('SHOP-7', { statusName: 'In Progress', categoryKey: 'indeterminate' }),
});
const SEEN: StorySeen = { projectKey: 'SHOP', revision: 3, modelRevision: 12, taskIds: ['10007'], tasks: 'ab12' };

const reads = () => fakeBridge.invocationsOf('story/get').length;
const checks = () => fakeBridge.payloadsOf('story/changes');
const tick = () => act(() => jest.advanceTimersByTime(15_000));
const threatItem = () =>
  within(screen.getByRole('list', { name: 'Threats of clause “having my card data stolen”' })).getAllByRole(
    'listitem',
  )[0]!;

/** The panel on a story whose view carries SEEN; story/changes answers what `changed` holds. */
async function renderPanel(changed: { now: boolean | 'fails' }) {
  jest.useFakeTimers();
  const backend = givenStoryBackend(aStoryView({ clauses: [CARD], seen: SEEN }), MODEL, [LOG_FILTER]);
  fakeBridge.answer('story/changes', () =>
    changed.now === 'fails'
      ? { ok: false, error: { code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer in time.' } }
      : { ok: true, data: { changed: changed.now } },
  );
  render(<StoryPanel />);
  await screen.findByRole('list', { name: 'WITHOUT clauses' });
  return backend;
}

afterEach(() => {
  fakeBridge.reset();
  jest.useRealTimers();
});

describe('story panel, live refresh through story/changes', () => {
  it('asks story/changes on each tick, with what its view was built from, and reads nothing more while it says no', async () => {
    await renderPanel({ now: false });
    expect(reads()).toBe(1);

    for (let i = 0; i < 4; i++) await tick();

    expect(checks()).toEqual([SEEN, SEEN, SEEN, SEEN]);
    expect(reads()).toBe(1);
  });

  it('reads the story when story/changes says yes, and shows the task done elsewhere', async () => {
    const changed = { now: false as boolean };
    const backend = await renderPanel(changed);
    await tick();
    expect(reads()).toBe(1);

    backend.taskMoved('M-1', { statusName: 'Done', categoryKey: 'done' });
    changed.now = true;
    await tick();

    expect(checks()).toHaveLength(2);
    expect(reads()).toBe(2);
    expect(await within(threatItem()).findByText('Residual 3 of 12')).toBeTruthy();
  });

  it('reads the story in full when story/changes fails, and shows no error for it', async () => {
    await renderPanel({ now: 'fails' });
    await tick();

    expect(checks()).toHaveLength(1);
    expect(reads()).toBe(2);
    expect(screen.queryByText(/Jira did not answer/)).toBeNull();
    expect(screen.queryByText('Could not refresh just now; what you see may be out of date.')).toBeNull();
  });

  it('reads the story in full, without asking, when the page becomes visible again', async () => {
    await renderPanel({ now: false });
    const visibility = jest.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await tick();
    expect(checks()).toHaveLength(0);

    visibility.mockReturnValue('visible');
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(reads()).toBe(2);
    expect(checks()).toHaveLength(0);
    visibility.mockRestore();
  });

  it('reads a view one check cannot cover (seen: null) in full on each tick, as before', async () => {
    jest.useFakeTimers();
    givenStoryBackend(aStoryView({ clauses: [CARD], seen: null }), MODEL, [LOG_FILTER]);
    render(<StoryPanel />);
    await screen.findByRole('list', { name: 'WITHOUT clauses' });

    await tick();

    expect(checks()).toHaveLength(0);
    expect(reads()).toBe(2);
  });

  it('on a mitigation task, also reads in full every so many ticks: the stories it protects come from a search', async () => {
    jest.useFakeTimers();
    const task = aTaskView(
      { ...LOG_FILTER, task: aTask('SHOP-7', { statusName: 'In Progress', categoryKey: 'indeterminate' }) },
      [],
      [],
    );
    fakeBridge.answer('story/get', () => ({ ok: true, data: aStoryView({ issueKey: 'SHOP-7', task, seen: SEEN }) }));
    fakeBridge.answer('story/changes', () => ({ ok: true, data: { changed: false } }));
    render(<StoryPanel />);
    await screen.findByText('Stories it protects');

    for (let i = 1; i < TASK_FULL_READ_EVERY; i++) await tick();
    expect(reads()).toBe(1);
    await tick();

    expect(checks()).toHaveLength(TASK_FULL_READ_EVERY - 1);
    expect(reads()).toBe(2);
  });
});
