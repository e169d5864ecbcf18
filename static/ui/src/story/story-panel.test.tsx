import { deferred, fakeBridge } from '../test-support/fake-bridge';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fail, type Envelope } from '../../../../src/domain/common/envelope';
import type { StoryView } from '../../../../src/contract';
import { givenStoryBackend } from '../test-support/fake-story-backend';
import { aStoryView } from '../test-support/story-view-mother';
import { aThreatView } from '../test-support/threat-view-mother';
import { StoryPanel } from './story-panel';

const EXPLANATION = 'Add what must not happen along the way, for example “WITHOUT having my card data stolen”.';

const CARD = { id: 'c1', text: 'having my card data stolen', threatIds: ['T-1'] };
const ADDRESS = { id: 'c2', text: 'exposing my address to other buyers', threatIds: [] };
const MODEL = [
  aThreatView('T-1', { title: 'Card data read from logs', stride: ['I'], probability: 3, impact: 4 }),
  aThreatView('T-2', { title: 'Card skimming script on checkout', stride: ['T', 'I'], probability: 4, impact: 5 }),
  aThreatView('T-3', {
    title: 'Replayed payment callback',
    stride: ['S'],
    probability: 2,
    impact: 2,
    state: 'retired',
  }),
];

function givenStory(story: StoryView): void {
  fakeBridge.givenResolver('story/get', () => ({ ok: true, data: story }) satisfies Envelope<StoryView>);
}

async function renderPanel() {
  const user = userEvent.setup();
  render(<StoryPanel />);
  await screen.findAllByRole('status', { hidden: true });
  return user;
}

const savedEdits = () => fakeBridge.payloadsOf('story/save-clauses');
const clauseTexts = () =>
  within(screen.getByRole('list', { name: 'WITHOUT clauses' }))
    .getAllByText('WITHOUT', { selector: 'p > span' })
    .map((prefix) => prefix.parentElement?.textContent);

afterEach(() => fakeBridge.reset());

describe('story panel, reading', () => {
  it('shows a spinner while loading, then explains WITHOUT clauses when the story has none', async () => {
    const answer = deferred<Envelope<StoryView>>();
    fakeBridge.givenResolver('story/get', () => answer.promise);

    render(<StoryPanel />);
    expect(screen.getByRole('img', { name: 'Loading WITHOUT clauses' })).toBeTruthy();

    answer.resolve({ ok: true, data: aStoryView() });
    expect(await screen.findByText('No WITHOUT clauses yet')).toBeTruthy();
    expect(screen.getByText(EXPLANATION)).toBeTruthy();
    expect(screen.queryByRole('img', { name: 'Loading WITHOUT clauses' })).toBeNull();
    expect(fakeBridge.invocationsOf('story/get')).toEqual([{ functionKey: 'story/get', payload: {} }]);
  });

  it('lists each clause as "WITHOUT <text>" with its threats as severity lozenges, titled on hover and in their label', async () => {
    givenStoryBackend(aStoryView({ clauses: [{ ...CARD, threatIds: ['T-1', 'T-2'] }, ADDRESS] }), MODEL);
    const user = await renderPanel();

    expect(clauseTexts()).toEqual([
      'WITHOUT having my card data stolen',
      'WITHOUT exposing my address to other buyers',
    ]);
    const threats = screen.getByRole('list', { name: 'Threats of clause “having my card data stolen”' });
    expect(
      within(threats)
        .getAllByRole('img')
        .map((lozenge) => lozenge.textContent),
    ).toEqual(['T-1 · High 12Card data read from logs', 'T-2 · Critical 20Card skimming script on checkout']);
    const skimming = screen.getByRole('img', { name: 'T-2 Critical 20: Card skimming script on checkout' });

    await user.hover(skimming);
    expect(await screen.findByText('Card skimming script on checkout')).toBeTruthy();
    expect(screen.queryByText('No WITHOUT clauses yet')).toBeNull();
  });

  it('shows a threat id the model lacks as a grey "unknown" lozenge', async () => {
    givenStoryBackend(aStoryView({ clauses: [{ ...CARD, threatIds: ['T-9'] }] }), MODEL);
    await renderPanel();

    expect(screen.getByRole('img', { name: 'T-9 unknown: Not in this project’s threat model' }).textContent).toBe(
      'T-9 · unknownNot in this project’s threat model',
    );
  });

  it('shows threats linked to the story that no clause covers in a section of their own', async () => {
    givenStoryBackend(aStoryView({ clauses: [CARD], directThreatIds: ['T-2'] }), MODEL);
    await renderPanel();

    const direct = screen.getByRole('list', { name: 'Linked threats not covered by a clause' });
    expect(within(direct).getByRole('img').textContent).toBe('T-2 · Critical 20Card skimming script on checkout');
    expect(screen.getByText(/no WITHOUT clause says what must not happen/)).toBeTruthy();
  });

  it('renders markup in a clause as literal text, never as HTML', async () => {
    givenStory(aStoryView({ clauses: [{ id: 'c1', text: '<script>alert(1)</script>', threatIds: [] }] }));
    await renderPanel();

    expect(clauseTexts()).toEqual(['WITHOUT <script>alert(1)</script>']);
    expect(document.querySelectorAll('script')).toHaveLength(0);
  });

  it('shows the error with a Try again button that loads the story again', async () => {
    const failure: Envelope<StoryView> = fail(
      'JIRA_UNAVAILABLE',
      'Jira did not answer in time. Try again in a minute.',
    );
    const answers = [
      failure,
      { ok: true, data: aStoryView({ clauses: [{ id: 'c1', text: 'leaking tokens', threatIds: ['T-2'] }] }) },
    ];
    fakeBridge.givenResolver('story/get', () => answers.shift());

    render(<StoryPanel />);
    expect(await screen.findByText('Jira did not answer in time. Try again in a minute.')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByText('T-2 · unknown')).toBeTruthy();
    expect(screen.queryByText('Jira did not answer in time. Try again in a minute.')).toBeNull();
    expect(fakeBridge.invocationsOf('story/get')).toHaveLength(2);
  });

  it('says the backend could not be reached when invoke fails', async () => {
    fakeBridge.givenResolver('story/get', () => {
      throw new Error('socket hang up');
    });

    render(<StoryPanel />);

    expect(
      await screen.findByText('The app did not answer: it failed or took too long. Try again in a moment.'),
    ).toBeTruthy();
    expect(screen.queryByText(/socket hang up/)).toBeNull();
  });

  it('is read only, with no edit controls, when the viewer cannot edit the story', async () => {
    // Editing the story and editing the threat model are separate permissions; this viewer has neither.
    givenStoryBackend(
      aStoryView({
        canEdit: false,
        canEditThreatModel: false,
        canCreateTasks: false,
        clauses: [CARD, ADDRESS],
        directThreatIds: ['T-2'],
      }),
      MODEL,
    );
    await renderPanel();

    expect(screen.getByText(/Read only/)).toBeTruthy();
    // Only "Suggest threats", which shows suggestions to read: no control that changes anything.
    expect(screen.queryAllByRole('button').map((b) => b.textContent)).toEqual(['Suggest threats']);
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('has no read-only note, and offers the add field in the empty state, when the viewer can edit', async () => {
    givenStoryBackend(aStoryView({ canEdit: true }));
    await renderPanel();

    expect(screen.getByText('No WITHOUT clauses yet')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'New WITHOUT clause' })).toBeTruthy();
    expect(screen.queryByText(/Read only/)).toBeNull();
  });

  it('warns about stored values that could not be read', async () => {
    givenStory(aStoryView({ problems: ['Clause c3: A WITHOUT clause needs at least 3 characters'] }));
    await renderPanel();

    expect(screen.getByText('Some stored values could not be read')).toBeTruthy();
    expect(screen.getByText('Clause c3: A WITHOUT clause needs at least 3 characters')).toBeTruthy();
  });
});

describe('story panel, editing clauses', () => {
  it('adds a clause with Enter, sent with a new id and the revision it started from, and focus back in the field', async () => {
    const backend = givenStoryBackend(aStoryView({ clauses: [CARD], revision: 7 }), MODEL);
    const user = await renderPanel();

    const field = screen.getByRole('textbox', { name: 'New WITHOUT clause' });
    await user.type(field, '  leaking my order history {Enter}');

    await waitFor(() => expect(clauseTexts()).toHaveLength(2));
    const [edit] = savedEdits();
    expect(edit?.baseRevision).toBe(7);
    expect(edit?.clauses).toEqual([
      CARD,
      { id: expect.stringMatching(/^c-[a-z0-9]{8}$/), text: 'leaking my order history', threatIds: [] },
    ]);
    expect(edit?.directThreatIds).toEqual([]);
    expect(clauseTexts()[1]).toBe('WITHOUT leaking my order history');
    expect(backend.story.revision).toBe(8);
    expect((field as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(field));
  });

  it('adds the first clause with the Add button', async () => {
    givenStoryBackend(aStoryView());
    const user = await renderPanel();

    await user.type(screen.getByRole('textbox', { name: 'New WITHOUT clause' }), 'having my card data stolen');
    await user.click(screen.getByRole('button', { name: 'Add' }));

    await waitFor(() => expect(clauseTexts()).toEqual(['WITHOUT having my card data stolen']));
    expect(screen.queryByText('No WITHOUT clauses yet')).toBeNull();
  });

  it('asks Jira to refresh the issue view after a save, so the issue’s own field shows it; not after a failed one', async () => {
    givenStoryBackend(aStoryView());
    const user = await renderPanel();
    expect(fakeBridge.refreshes()).toBe(0);

    await user.type(screen.getByRole('textbox', { name: 'New WITHOUT clause' }), 'having my card data stolen{Enter}');
    await waitFor(() => expect(clauseTexts()).toEqual(['WITHOUT having my card data stolen']));
    expect(fakeBridge.refreshes()).toBe(1);

    fakeBridge.answer('story/save-clauses', () => fail('JIRA_UNAVAILABLE', 'Jira did not answer in time.'));
    await user.type(screen.getByRole('textbox', { name: 'New WITHOUT clause' }), 'leaking my order history{Enter}');
    await screen.findByText('Jira did not answer in time.');
    expect(fakeBridge.refreshes()).toBe(1);
  });

  it.each([
    ['2 characters', 'ab', 'A WITHOUT clause needs at least 3 characters'],
    ['501 characters', 'x'.repeat(501), 'A WITHOUT clause can have at most 500 characters'],
  ])('says what is wrong with a clause of %s, next to the field, without saving', async (_, text, message) => {
    givenStoryBackend(aStoryView());
    const user = await renderPanel();

    const field = screen.getByRole('textbox', { name: 'New WITHOUT clause' });
    await user.click(field);
    await user.paste(text);
    await user.keyboard('{Enter}');

    expect(screen.getByText(message)).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent).toBe(message);
    expect((field as HTMLInputElement).value).toBe(text);
    expect(savedEdits()).toEqual([]);
  });

  it('keeps what was typed and shows the message when the save fails', async () => {
    givenStoryBackend(aStoryView());
    fakeBridge.answer('story/save-clauses', () =>
      fail('JIRA_UNAVAILABLE', 'Jira did not answer in time. Try again in a minute.'),
    );
    const user = await renderPanel();

    const field = screen.getByRole('textbox', { name: 'New WITHOUT clause' });
    await user.type(field, 'leaking my order history{Enter}');

    expect(await screen.findByText('Jira did not answer in time. Try again in a minute.')).toBeTruthy();
    expect((field as HTMLInputElement).value).toBe('leaking my order history');
    expect(screen.getByText('No WITHOUT clauses yet')).toBeTruthy();
  });

  it('disables the controls while a change is saved', async () => {
    givenStoryBackend(aStoryView({ clauses: [CARD] }));
    const answer = deferred<Envelope<StoryView>>();
    fakeBridge.answer('story/save-clauses', () => answer.promise);
    const user = await renderPanel();

    await user.type(screen.getByRole('textbox', { name: 'New WITHOUT clause' }), 'leaking my order history{Enter}');

    expect(screen.getByRole('button', { name: 'Add' }).hasAttribute('disabled')).toBe(true);
    expect(
      screen.getByRole('button', { name: 'Delete clause “having my card data stolen”' }).hasAttribute('disabled'),
    ).toBe(true);
    expect(screen.getByText('Saving…')).toBeTruthy();
    answer.resolve({
      ok: true,
      data: aStoryView({
        clauses: [CARD, { id: 'c-9', text: 'leaking my order history', threatIds: [] }],
        revision: 1,
      }),
    });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add' }).hasAttribute('disabled')).toBe(false));
  });

  it('edits a clause inline: Save sends the new text, Escape gives up', async () => {
    givenStoryBackend(aStoryView({ clauses: [CARD, ADDRESS], revision: 3 }), MODEL);
    const user = await renderPanel();

    await user.click(screen.getByRole('button', { name: 'Edit clause “exposing my address to other buyers”' }));
    const editor = screen.getByRole('textbox', { name: 'Text of clause “exposing my address to other buyers”' });
    expect(document.activeElement).toBe(editor);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: /^Text of/ })).toBeNull();
    expect(savedEdits()).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Edit clause “exposing my address to other buyers”' }));
    await user.clear(screen.getByRole('textbox', { name: /^Text of/ }));
    await user.type(screen.getByRole('textbox', { name: /^Text of/ }), 'showing my address to other buyers');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(clauseTexts()).toEqual([
        'WITHOUT having my card data stolen',
        'WITHOUT showing my address to other buyers',
      ]),
    );
    expect(savedEdits()).toEqual([
      {
        baseRevision: 3,
        clauses: [CARD, { ...ADDRESS, text: 'showing my address to other buyers' }],
        directThreatIds: [],
      },
    ]);
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Edit clause “showing my address to other buyers”' }),
      ),
    );
  });

  it('checks the edited text like a new one', async () => {
    givenStoryBackend(aStoryView({ clauses: [CARD] }), MODEL);
    const user = await renderPanel();

    await user.click(screen.getByRole('button', { name: 'Edit clause “having my card data stolen”' }));
    await user.clear(screen.getByRole('textbox', { name: /^Text of/ }));
    await user.type(screen.getByRole('textbox', { name: /^Text of/ }), 'no{Enter}');

    expect(screen.getByText('A WITHOUT clause needs at least 3 characters')).toBeTruthy();
    expect(savedEdits()).toEqual([]);
  });

  it('reorders clauses with Move up and Move down, keeping focus on the moved clause', async () => {
    const third = { id: 'c3', text: 'charging my card twice', threatIds: [] };
    givenStoryBackend(aStoryView({ clauses: [CARD, ADDRESS, third] }), MODEL);
    const user = await renderPanel();

    expect(
      screen.getByRole('button', { name: 'Move up clause “having my card data stolen”' }).hasAttribute('disabled'),
    ).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Move down clause “having my card data stolen”' }));

    await waitFor(() => expect(clauseTexts()[1]).toBe('WITHOUT having my card data stolen'));
    expect(savedEdits()[0]?.clauses.map((clause) => clause.id)).toEqual(['c2', 'c1', 'c3']);
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Move down clause “having my card data stolen”' }),
      ),
    );

    await user.keyboard('{Enter}');
    await waitFor(() => expect(clauseTexts()[2]).toBe('WITHOUT having my card data stolen'));
    expect(savedEdits()[1]?.clauses.map((clause) => clause.id)).toEqual(['c2', 'c3', 'c1']);
    // The last clause cannot go further down: focus moves to its Move up button.
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Move up clause “having my card data stolen”' }),
      ),
    );
  });

  it('deletes a clause, then Undo puts it back in its place with a second save', async () => {
    givenStoryBackend(aStoryView({ clauses: [CARD, ADDRESS] }), MODEL);
    const user = await renderPanel();

    await user.click(screen.getByRole('button', { name: 'Delete clause “having my card data stolen”' }));

    await waitFor(() => expect(clauseTexts()).toEqual(['WITHOUT exposing my address to other buyers']));
    expect(savedEdits()[0]?.clauses).toEqual([ADDRESS]);
    expect(screen.getByText('Clause deleted: WITHOUT having my card data stolen')).toBeTruthy();
    const undo = screen.getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));

    await user.keyboard('{Enter}');

    await waitFor(() =>
      expect(clauseTexts()).toEqual([
        'WITHOUT having my card data stolen',
        'WITHOUT exposing my address to other buyers',
      ]),
    );
    expect(savedEdits()).toHaveLength(2);
    expect(savedEdits()[1]).toEqual({ baseRevision: 1, clauses: [CARD, ADDRESS], directThreatIds: [] });
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(screen.getByRole('img', { name: /^T-1 High 12/ })).toBeTruthy();
  });
});

describe('story panel, linking threats', () => {
  it('links a threat found by its title, and shows retired threats as not linkable', async () => {
    givenStoryBackend(aStoryView({ clauses: [CARD, ADDRESS], directThreatIds: ['T-2'] }), MODEL);
    const user = await renderPanel();

    await user.click(
      screen.getByRole('button', { name: 'Link threat to clause “exposing my address to other buyers”' }),
    );
    const search = await screen.findByRole('textbox', {
      name: 'Search threats to link to clause “exposing my address to other buyers”',
    });
    expect(document.activeElement).toBe(search);
    const matches = await screen.findByRole('list', { name: 'Matching threats' });
    expect(within(matches).getByText('Retired, cannot be linked')).toBeTruthy();
    expect(within(matches).queryByRole('button', { name: /^Link T-3/ })).toBeNull();

    await user.type(search, 'skimming');
    expect(within(matches).getAllByRole('listitem')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Link T-2 Card skimming script on checkout' }));

    await waitFor(() => expect(screen.queryByRole('list', { name: 'Matching threats' })).toBeNull());
    // Now a clause covers T-2, it is no longer a direct link of the story.
    expect(savedEdits()).toEqual([
      { baseRevision: 0, clauses: [CARD, { ...ADDRESS, threatIds: ['T-2'] }], directThreatIds: [] },
    ]);
    const threats = screen.getByRole('list', { name: 'Threats of clause “exposing my address to other buyers”' });
    expect(within(threats).getByRole('img').textContent).toBe('T-2 · Critical 20Card skimming script on checkout');
    expect(screen.queryByText('Linked threats not covered by a clause')).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Link threat to clause “exposing my address to other buyers”' }),
      ),
    );
  });

  it('links a threat found by its id with Enter, and by STRIDE letter or name', async () => {
    givenStoryBackend(aStoryView({ clauses: [ADDRESS] }), MODEL);
    const user = await renderPanel();

    await user.click(screen.getByRole('button', { name: /^Link threat to/ }));
    const search = await screen.findByRole('textbox', { name: /^Search threats/ });
    const matches = await screen.findByRole('list', { name: 'Matching threats' });
    const shownIds = () =>
      within(matches)
        .getAllByRole('listitem')
        .map((item) => /T-\d+/.exec(item.textContent ?? '')?.[0]);

    await user.type(search, 'S');
    expect(shownIds()).toEqual(['T-3']);
    await user.clear(search);
    await user.type(search, 'tamper');
    expect(shownIds()).toEqual(['T-2']);
    await user.clear(search);
    await user.type(search, 'T-2');
    expect(shownIds()).toEqual(['T-2']);
    await user.keyboard('{Enter}');

    await waitFor(() => expect(savedEdits()).toHaveLength(1));
    expect(savedEdits()[0]?.clauses).toEqual([{ ...ADDRESS, threatIds: ['T-2'] }]);
    expect(fakeBridge.invocationsOf('threat-model/get')).toEqual([{ functionKey: 'threat-model/get', payload: {} }]);
  });

  it('loads the threat model only when the picker opens, and Escape closes it', async () => {
    givenStoryBackend(aStoryView({ clauses: [ADDRESS] }), MODEL);
    const user = await renderPanel();
    expect(fakeBridge.invocationsOf('threat-model/get')).toEqual([]);

    await user.click(screen.getByRole('button', { name: /^Link threat to/ }));
    await screen.findByRole('list', { name: 'Matching threats' });
    await user.keyboard('{Escape}');

    expect(screen.queryByRole('textbox', { name: /^Search threats/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Link threat to/ }));
    expect(savedEdits()).toEqual([]);
  });

  it('unlinks a threat from a clause', async () => {
    givenStoryBackend(aStoryView({ clauses: [{ ...CARD, threatIds: ['T-1', 'T-2'] }] }), MODEL);
    const user = await renderPanel();

    await user.click(screen.getByRole('button', { name: 'Unlink T-1 from clause “having my card data stolen”' }));

    await waitFor(() => expect(screen.queryByRole('img', { name: /^T-1 / })).toBeNull());
    expect(savedEdits()[0]?.clauses).toEqual([{ ...CARD, threatIds: ['T-2'] }]);
  });

  it('unlinks a threat linked to the story directly', async () => {
    givenStoryBackend(aStoryView({ clauses: [CARD], directThreatIds: ['T-2'] }), MODEL);
    const user = await renderPanel();

    await user.click(screen.getByRole('button', { name: 'Unlink T-2 from the story' }));

    await waitFor(() => expect(screen.queryByText('Linked threats not covered by a clause')).toBeNull());
    expect(savedEdits()).toEqual([{ baseRevision: 0, clauses: [CARD], directThreatIds: [] }]);
  });

  it('creates a threat from the picker, then links it to the clause', async () => {
    givenStoryBackend(aStoryView({ clauses: [ADDRESS] }), MODEL);
    const user = await renderPanel();

    await user.click(screen.getByRole('button', { name: /^Link threat to/ }));
    await user.type(await screen.findByRole('textbox', { name: /^Search threats/ }), 'Address scraped');
    await user.click(screen.getByRole('button', { name: 'Create threat' }));
    await user.type(screen.getByLabelText('Title'), ' from order pages');
    await user.click(screen.getByLabelText('I — Information disclosure'));
    await user.click(screen.getByLabelText('Probability'));
    await user.click(await screen.findByRole('option', { name: '4 — Likely' }));
    await user.click(screen.getByLabelText('Impact'));
    await user.click(await screen.findByRole('option', { name: '3 — Moderate' }));
    await user.click(screen.getByRole('button', { name: 'Create and link' }));

    await waitFor(() => expect(savedEdits()).toHaveLength(1));
    expect(fakeBridge.payloadsOf('threat-model/create-threat')).toEqual([
      {
        draft: {
          title: 'Address scraped from order pages',
          description: '',
          stride: ['I'],
          probability: 4,
          impact: 3,
          component: '',
        },
      },
    ]);
    expect(savedEdits()[0]?.clauses).toEqual([{ ...ADDRESS, threatIds: ['T-4'] }]);
    expect(await screen.findByRole('img', { name: 'T-4 High 12: Address scraped from order pages' })).toBeTruthy();
    expect(screen.queryByLabelText('Title')).toBeNull();
  });

  it('offers no threat creation to a viewer who may not edit the threat model', async () => {
    givenStoryBackend(aStoryView({ clauses: [ADDRESS], canEditThreatModel: false }), MODEL);
    const user = await renderPanel();

    await user.click(screen.getByRole('button', { name: /^Link threat to/ }));
    await screen.findByRole('list', { name: 'Matching threats' });

    expect(screen.queryByRole('button', { name: 'Create threat' })).toBeNull();
  });
});

describe('story panel, when someone else changed the story', () => {
  it('says so, keeps the open editor with what was typed, and Reload reads the story again', async () => {
    const backend = givenStoryBackend(aStoryView({ clauses: [CARD, ADDRESS] }), MODEL);
    const user = await renderPanel();
    await user.click(screen.getByRole('button', { name: 'Edit clause “having my card data stolen”' }));
    await user.type(screen.getByRole('textbox', { name: /^Text of/ }), ' at checkout');
    backend.changedElsewhere({ clauses: [CARD, ADDRESS, { id: 'c9', text: 'charging my card twice', threatIds: [] }] });

    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(
      await screen.findByText("Someone else changed this story's WITHOUT clauses. Reload to see their changes."),
    ).toBeTruthy();
    expect((screen.getByRole('textbox', { name: /^Text of/ }) as HTMLTextAreaElement).value).toBe(
      'having my card data stolen at checkout',
    );

    await user.click(screen.getByRole('button', { name: 'Reload' }));

    await waitFor(() => expect(clauseTexts()).toContain('WITHOUT charging my card twice'));
    expect(fakeBridge.invocationsOf('story/get')).toHaveLength(2);
    expect(screen.queryByText(/Someone else changed/)).toBeNull();
    expect((screen.getByRole('textbox', { name: /^Text of/ }) as HTMLTextAreaElement).value).toBe(
      'having my card data stolen at checkout',
    );

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(backend.story.clauses[0]?.text).toBe('having my card data stolen at checkout'));
    expect(savedEdits()[1]?.baseRevision).toBe(1);
  });
});
