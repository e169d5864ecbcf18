import { deferred, fakeBridge } from '../test-support/fake-bridge';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fail, ok, type Envelope } from '../../../../src/domain/common/envelope';
import type { StoryView } from '../../../../src/contract';
import { aStoryView } from '../test-support/story-view-mother';
import { StoryPanel } from './story-panel';

const CARD = { id: 'c1', text: 'having my card data stolen', threatIds: [] };
const BUSY = 'Jira is busy right now. Wait a moment and try again.';
const CONFLICT = 'Someone else changed this story’s WITHOUT clauses since you opened it.';

type Answer = 'store' | 'store, then busy' | 'busy';

/**
 * The story resolvers over one story in memory, with the revision check the backend makes.
 * Each save takes the next scripted answer: stored, stored but answered "busy" (as when Jira
 * answers 429 after it stored the field), or not stored and "busy". Reads can be made to fail.
 */
function givenBackend(saves: Answer[], reads: Array<'ok' | 'busy'> = []) {
  let story = aStoryView({ clauses: [CARD], revision: 1 });
  fakeBridge.answer('story/get', () => (reads.shift() === 'busy' ? fail('RATE_LIMITED', BUSY) : ok(story)));
  fakeBridge.answer('story/save-clauses', (edit) => {
    if (edit.baseRevision !== story.revision) return fail('CONFLICT', CONFLICT);
    const answer = saves.shift() ?? 'store';
    if (answer === 'busy') return fail('RATE_LIMITED', BUSY);
    story = { ...story, clauses: edit.clauses, directThreatIds: edit.directThreatIds, revision: story.revision + 1 };
    return answer === 'store' ? ok(story) : fail('RATE_LIMITED', BUSY);
  });
  return {
    stored: () => story,
    /** Someone else saves the story in the meantime. */
    changeElsewhere(clauses: StoryView['clauses']) {
      story = { ...story, clauses, revision: story.revision + 1 };
    },
  };
}

async function renderPanel(user = userEvent.setup()) {
  render(<StoryPanel />);
  await screen.findByRole('list', { name: 'WITHOUT clauses' });
  return user;
}

const clauseTexts = () =>
  within(screen.getByRole('list', { name: 'WITHOUT clauses' }))
    .getAllByText('WITHOUT', { selector: 'p > span' })
    .map((prefix) => prefix.parentElement?.textContent);

async function addClause(user: ReturnType<typeof userEvent.setup>, text: string) {
  await user.type(screen.getByRole('textbox', { name: 'New WITHOUT clause' }), `${text}{Enter}`);
}

afterEach(() => fakeBridge.reset());

describe('story panel, when Jira is slow or fails', () => {
  it('reports a save whose answer was "busy" as saved when the story, read again, holds it', async () => {
    givenBackend(['store, then busy']);
    const user = await renderPanel();

    await addClause(user, 'leaking my order history');

    await waitFor(() =>
      expect(clauseTexts()).toEqual(['WITHOUT having my card data stolen', 'WITHOUT leaking my order history']),
    );
    expect(screen.queryByText('The change was not saved')).toBeNull();
    expect((screen.getByRole('textbox', { name: 'New WITHOUT clause' }) as HTMLInputElement).value).toBe('');
  });

  it('offers Retry when the first attempt landed but could not be checked; the retry, refused as a conflict, finds it stored and reports success', async () => {
    const backend = givenBackend(['store, then busy'], ['ok', 'busy']);
    const user = await renderPanel();

    await addClause(user, 'leaking my order history');

    expect(await screen.findByText('The change was not saved')).toBeTruthy();
    expect(screen.getByText(BUSY)).toBeTruthy();
    expect(backend.stored().revision).toBe(2);

    await user.click(screen.getByRole('button', { name: 'Retry' }));

    await waitFor(() =>
      expect(clauseTexts()).toEqual(['WITHOUT having my card data stolen', 'WITHOUT leaking my order history']),
    );
    expect(screen.queryByText('The change was not saved')).toBeNull();
    expect(screen.queryByText('This story changed')).toBeNull();
    expect((screen.getByRole('textbox', { name: 'New WITHOUT clause' }) as HTMLInputElement).value).toBe('');
    // The retry sent the same change: the same clause id, from the same revision.
    const [first, retry] = fakeBridge.payloadsOf('story/save-clauses');
    expect(retry).toEqual(first);
    expect(backend.stored().revision).toBe(2);
  });

  it('Retry sends a change that did not land, and it is saved', async () => {
    const backend = givenBackend(['busy'], ['ok', 'busy']);
    const user = await renderPanel();

    await addClause(user, 'leaking my order history');
    expect(await screen.findByText('The change was not saved')).toBeTruthy();
    expect(backend.stored().clauses).toEqual([CARD]);

    await user.click(screen.getByRole('button', { name: 'Retry' }));

    await waitFor(() => expect(backend.stored().clauses.map((clause) => clause.text)).toHaveLength(2));
    await waitFor(() => expect(screen.queryByText('The change was not saved')).toBeNull());
    expect(clauseTexts()).toEqual(['WITHOUT having my card data stolen', 'WITHOUT leaking my order history']);
    expect((screen.getByRole('textbox', { name: 'New WITHOUT clause' }) as HTMLInputElement).value).toBe('');
  });

  it('still reports a conflict on a retry when someone else changed the story in the meantime', async () => {
    const backend = givenBackend(['busy'], ['ok', 'busy']);
    const user = await renderPanel();

    await addClause(user, 'leaking my order history');
    expect(await screen.findByText('The change was not saved')).toBeTruthy();
    backend.changeElsewhere([{ id: 'c7', text: 'charging the card twice', threatIds: [] }]);

    await user.click(screen.getByRole('button', { name: 'Retry' }));

    expect(await screen.findByText('This story changed')).toBeTruthy();
  });

  it('says next to the add field, after 3 seconds, that Jira is slow and the app is still trying', async () => {
    jest.useFakeTimers();
    try {
      const stored = aStoryView({ clauses: [CARD], revision: 1 });
      fakeBridge.answer('story/get', () => ok(stored));
      const answer = deferred<Envelope<StoryView>>();
      fakeBridge.answer('story/save-clauses', () => answer.promise);
      const user = await renderPanel(userEvent.setup({ advanceTimers: jest.advanceTimersByTime }));

      await addClause(user, 'leaking my order history');
      const field = screen.getByRole('textbox', { name: 'New WITHOUT clause' });
      // The first live region after the add field is its own, right under it.
      const notice = screen
        .getAllByRole('status')
        .find((region) => field.compareDocumentPosition(region) & Node.DOCUMENT_POSITION_FOLLOWING) as HTMLElement;
      expect(notice.getAttribute('aria-live')).toBe('polite');
      expect(notice.textContent).toBe('Saving…');

      act(() => jest.advanceTimersByTime(2999));
      expect(notice.textContent).toBe('Saving…');
      act(() => jest.advanceTimersByTime(1));
      expect(notice.textContent).toBe('Jira is slow to answer. Still trying…');
      expect(screen.getAllByText('Jira is slow to answer. Still trying…')).toHaveLength(1);

      await act(async () =>
        answer.resolve(
          ok({
            ...stored,
            clauses: [CARD, { id: 'c-2', text: 'leaking my order history', threatIds: [] }],
            revision: 2,
          }),
        ),
      );
      expect(notice.textContent).toBe('');
      expect(screen.queryByText('Jira is slow to answer. Still trying…')).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });
});
