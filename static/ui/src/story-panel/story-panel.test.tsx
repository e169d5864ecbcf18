import { deferred, fakeBridge } from '../test-support/fake-bridge';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Envelope } from '../../../../src/domain/envelope';
import type { StoryView } from '../../../../src/domain/story-view';
import { aStoryView } from '../test-support/story-view-mother';
import { StoryPanel } from './story-panel';

const EXPLANATION = 'Add what must not happen along the way, for example “WITHOUT having my card data stolen”.';

function givenStory(story: StoryView): void {
  fakeBridge.givenResolver('story/get', () => ({ ok: true, data: story }) satisfies Envelope<StoryView>);
}

afterEach(() => fakeBridge.reset());

describe('story panel', () => {
  it('shows a spinner while loading, then explains WITHOUT clauses when the story has none', async () => {
    const answer = deferred<Envelope<StoryView>>();
    fakeBridge.givenResolver('story/get', () => answer.promise);

    render(<StoryPanel />);
    expect(screen.getByRole('img', { name: 'Loading WITHOUT clauses' })).toBeTruthy();

    answer.resolve({ ok: true, data: aStoryView() });
    expect(await screen.findByText('No WITHOUT clauses yet')).toBeTruthy();
    expect(screen.getByText(EXPLANATION)).toBeTruthy();
    expect(screen.queryByRole('img', { name: 'Loading WITHOUT clauses' })).toBeNull();
    expect(fakeBridge.invocationsOf('story/get')).toEqual([{ functionKey: 'story/get', payload: undefined }]);
  });

  it('lists each clause as "WITHOUT <text>" with its threats as lozenges', async () => {
    givenStory(
      aStoryView({
        clauses: [
          { id: 'c1', text: 'having my card data stolen', threatIds: ['T-1', 'T-4'] },
          { id: 'c2', text: 'exposing my address to other buyers', threatIds: [] },
        ],
      }),
    );

    render(<StoryPanel />);

    const [first, second] = await screen.findAllByRole('listitem');
    expect(first?.textContent).toContain('WITHOUT having my card data stolen');
    expect(within(first as HTMLElement).getByText('T-1')).toBeTruthy();
    expect(within(first as HTMLElement).getByText('T-4')).toBeTruthy();
    expect(second?.textContent).toBe('WITHOUT exposing my address to other buyers');
    expect(screen.queryByText('No WITHOUT clauses yet')).toBeNull();
  });

  it('renders markup in a clause as literal text, never as HTML', async () => {
    givenStory(aStoryView({ clauses: [{ id: 'c1', text: '<script>alert(1)</script>', threatIds: [] }] }));

    render(<StoryPanel />);

    expect(await screen.findByText('<script>alert(1)</script>')).toBeTruthy();
    expect(document.querySelectorAll('script')).toHaveLength(0);
  });

  it('shows the error with a Try again button that loads the story again', async () => {
    const failure: Envelope<StoryView> = {
      ok: false,
      error: { code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer in time. Try again in a minute.' },
    };
    const answers = [failure, { ok: true, data: aStoryView({ clauses: [{ id: 'c1', text: 'leaking tokens', threatIds: ['T-2'] }] }) }];
    fakeBridge.givenResolver('story/get', () => answers.shift());

    render(<StoryPanel />);
    expect(await screen.findByText('Jira did not answer in time. Try again in a minute.')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByText('T-2')).toBeTruthy();
    expect(screen.queryByText('Jira did not answer in time. Try again in a minute.')).toBeNull();
    expect(fakeBridge.invocationsOf('story/get')).toHaveLength(2);
  });

  it('says the backend could not be reached when invoke fails', async () => {
    fakeBridge.givenResolver('story/get', () => {
      throw new Error('socket hang up');
    });

    render(<StoryPanel />);

    expect(await screen.findByText('The app could not reach its backend. Reload the page to try again.')).toBeTruthy();
    expect(screen.queryByText(/socket hang up/)).toBeNull();
  });

  it('notes that the panel is read only when the viewer cannot edit the story', async () => {
    givenStory(aStoryView({ canEdit: false }));

    render(<StoryPanel />);

    expect(await screen.findByText(/Read only/)).toBeTruthy();
  });

  it('has no read-only note when the viewer can edit the story', async () => {
    givenStory(aStoryView({ canEdit: true }));

    render(<StoryPanel />);

    expect(await screen.findByText('No WITHOUT clauses yet')).toBeTruthy();
    expect(screen.queryByText(/Read only/)).toBeNull();
  });

  it('warns about stored values that could not be read', async () => {
    givenStory(aStoryView({ problems: ['Clause c3: A WITHOUT clause needs at least 3 characters'] }));

    render(<StoryPanel />);

    expect(await screen.findByText('Some stored values could not be read')).toBeTruthy();
    expect(screen.getByText('Clause c3: A WITHOUT clause needs at least 3 characters')).toBeTruthy();
  });
});
