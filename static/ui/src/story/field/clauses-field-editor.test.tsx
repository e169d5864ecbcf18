import { fakeFieldBridge } from './test-support/fake-field-bridge';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { storyClausesValue, type StoryClausesValue } from '../../../../../src/domain/story/story-clauses';
import { ClausesField } from './clauses-field';
import { aFieldOnIssueCreate, aFieldOnIssueView, type FieldExtension } from './test-support/field-context-mother';

const CARD = { id: 'c1', text: 'having my card data stolen', threatIds: ['T-1', 'T-4'] };
const ADDRESS = { id: 'c2', text: 'exposing my address to other buyers', threatIds: ['T-2'] };
const STORED = storyClausesValue([CARD, ADDRESS], ['T-7'], 3);
const A_NEW_ID = expect.stringMatching(/^c-[a-z0-9]{8}$/) as unknown as string;

async function renderEditor(extension: FieldExtension = aFieldOnIssueView('edit', STORED)) {
  fakeFieldBridge.givenField(extension);
  const user = userEvent.setup();
  render(<ClausesField />);
  await screen.findByLabelText('New WITHOUT clause');
  return user;
}

async function renderEditorWithTimers(extension: FieldExtension = aFieldOnIssueView('edit', STORED)) {
  fakeFieldBridge.givenField(extension);
  const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
  render(<ClausesField />);
  await screen.findByLabelText('New WITHOUT clause');
  return user;
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const clauseFields = () =>
  screen.queryAllByLabelText(/^WITHOUT clause \d+$/).map((input) => (input as HTMLInputElement).value);
const submitted = () => fakeFieldBridge.submitted() as StoryClausesValue[];

afterEach(() => fakeFieldBridge.reset());

describe('WITHOUT clauses field, editing on the issue view', () => {
  it('lists a text field per clause, numbered, with the clause threat ids and a hint on where threats are linked', async () => {
    await renderEditor();

    expect(clauseFields()).toEqual([CARD.text, ADDRESS.text]);
    expect(screen.getByText('T-1, T-4')).toBeTruthy();
    expect(screen.getByText('T-2')).toBeTruthy();
    expect(
      screen.getByText('Link threats in the WITHOUT clauses panel; each clause keeps its links here.'),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
    expect(document.activeElement).toBe(field('WITHOUT clause 1'));
  });

  it('saves a changed text as the full field value, one revision on, keeping every threat link', async () => {
    const user = await renderEditor();

    await user.clear(field('WITHOUT clause 2'));
    await user.type(field('WITHOUT clause 2'), '  exposing my home address  ');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(submitted()).toEqual([
      {
        clauses: [CARD, { ...ADDRESS, text: 'exposing my home address' }],
        directThreatIds: ['T-7'],
        threatIds: ['T-1', 'T-4', 'T-2', 'T-7'],
        hasClauses: 'yes',
        revision: 4,
      },
    ]);
    expect(fakeFieldBridge.closes()).toBe(0);
  });

  it('saves with Enter in a clause’s text, as the Save button does', async () => {
    const user = await renderEditor();
    await user.clear(field('WITHOUT clause 1'));
    await user.type(field('WITHOUT clause 1'), 'having my card number stolen{Enter}');
    expect(submitted()).toEqual([
      {
        clauses: [{ ...CARD, text: 'having my card number stolen' }, ADDRESS],
        directThreatIds: ['T-7'],
        threatIds: ['T-1', 'T-4', 'T-2', 'T-7'],
        hasClauses: 'yes',
        revision: 4,
      },
    ]);
  });

  it('adds a clause with Enter or the Add clause button, and saves it with a new id and no threats', async () => {
    const user = await renderEditor();

    await user.type(field('New WITHOUT clause'), 'leaking the order history{Enter}');
    expect(field('New WITHOUT clause').value).toBe('');
    expect(document.activeElement).toBe(field('New WITHOUT clause'));
    await user.type(field('New WITHOUT clause'), 'charging the card twice');
    await user.click(screen.getByRole('button', { name: 'Add clause' }));

    expect(clauseFields()).toEqual([CARD.text, ADDRESS.text, 'leaking the order history', 'charging the card twice']);
    expect(field('WITHOUT clause 4').value).toBe('charging the card twice');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    const [value] = submitted();
    expect(value?.clauses).toEqual([
      CARD,
      ADDRESS,
      { id: A_NEW_ID, text: 'leaking the order history', threatIds: [] },
      { id: A_NEW_ID, text: 'charging the card twice', threatIds: [] },
    ]);
    expect(new Set(value?.clauses.map((clause) => clause.id)).size).toBe(4);
    expect(value?.revision).toBe(4);
  });

  it('saves text left in the add field as a clause rather than dropping it', async () => {
    const user = await renderEditor();

    await user.type(field('New WITHOUT clause'), 'leaking the order history');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(submitted()[0]?.clauses.map((clause) => clause.text)).toEqual([
      CARD.text,
      ADDRESS.text,
      'leaking the order history',
    ]);
  });

  it('removes a clause, moves focus to the next one, and saves without it and its threats', async () => {
    const user = await renderEditor();

    await user.click(screen.getByRole('button', { name: 'Remove WITHOUT clause 1' }));

    expect(clauseFields()).toEqual([ADDRESS.text]);
    expect(document.activeElement).toBe(field('WITHOUT clause 1'));

    await user.click(screen.getByRole('button', { name: 'Remove WITHOUT clause 1' }));
    expect(clauseFields()).toEqual([]);
    expect(document.activeElement).toBe(field('New WITHOUT clause'));

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(submitted()).toEqual([
      { clauses: [], directThreatIds: ['T-7'], threatIds: ['T-7'], hasClauses: 'no', revision: 4 },
    ]);
  });

  it('shows the domain message under a clause of 2 characters, and neither adds nor saves it', async () => {
    const user = await renderEditor();

    await user.type(field('New WITHOUT clause'), 'ab{Enter}');

    expect(screen.getByText('A WITHOUT clause needs at least 3 characters')).toBeTruthy();
    expect(field('New WITHOUT clause').getAttribute('aria-invalid')).toBe('true');
    expect(field('New WITHOUT clause').getAttribute('aria-describedby')).toBe(
      screen.getByText('A WITHOUT clause needs at least 3 characters').id,
    );
    expect(clauseFields()).toEqual([CARD.text, ADDRESS.text]);

    await user.clear(field('New WITHOUT clause'));
    expect(screen.queryByText('A WITHOUT clause needs at least 3 characters')).toBeNull();

    await user.clear(field('WITHOUT clause 1'));
    await user.type(field('WITHOUT clause 1'), 'ab');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(screen.getByText('A WITHOUT clause needs at least 3 characters')).toBeTruthy();
    expect(field('WITHOUT clause 1').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field('WITHOUT clause 1'));
    expect(submitted()).toEqual([]);
  });

  it('keeps markup in a clause as text, and saves it as typed', async () => {
    const user = await renderEditor();

    await user.type(field('New WITHOUT clause'), '<script>alert(1)</script>{Enter}');

    expect(field('WITHOUT clause 3').value).toBe('<script>alert(1)</script>');
    expect(document.querySelector('script')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(submitted()[0]?.clauses[2]?.text).toBe('<script>alert(1)</script>');
  });

  it('closes without saving on Cancel', async () => {
    const user = await renderEditor();

    await user.type(field('WITHOUT clause 1'), ' again');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(fakeFieldBridge.closes()).toBe(1);
    expect(submitted()).toEqual([]);
  });

  it('closes without saving on Escape, wherever focus is', async () => {
    const user = await renderEditor();

    await user.type(field('New WITHOUT clause'), 'half typed{Escape}');
    expect(fakeFieldBridge.closes()).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Remove WITHOUT clause 2' }));
    await user.keyboard('{Escape}');
    expect(fakeFieldBridge.closes()).toBe(2);
    expect(submitted()).toEqual([]);
  });

  it('warns that saving replaces an invalid stored value, starts empty, and saves one revision on', async () => {
    const user = await renderEditor(aFieldOnIssueView('edit', { clauses: 'not a list', revision: 6 }));

    expect(screen.getByText('The stored value is not valid. Saving replaces it.')).toBeTruthy();
    expect(clauseFields()).toEqual([]);
    expect(document.activeElement).toBe(field('New WITHOUT clause'));

    await user.type(field('New WITHOUT clause'), 'having my card data stolen{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(submitted()).toEqual([
      {
        clauses: [{ id: A_NEW_ID, text: 'having my card data stolen', threatIds: [] }],
        directThreatIds: [],
        threatIds: [],
        hasClauses: 'yes',
        revision: 7,
      },
    ]);
  });

  it('says so, keeps the texts, and offers Retry, which submits the same value again', async () => {
    fakeFieldBridge.givenSubmitRefused();
    const user = await renderEditor();

    await user.type(field('New WITHOUT clause'), 'leaking the order history');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/^Could not save the clauses:/).textContent).toBe(
      "Could not save the clauses: this resource's view is not submittable.",
    );
    expect(clauseFields()).toEqual([CARD.text, ADDRESS.text, 'leaking the order history']);
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(false),
    );

    fakeFieldBridge.givenSubmitAccepted();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    const [first, second] = submitted();
    expect(second).toEqual(first);
    expect(submitted()).toHaveLength(2);
  });

  it('says near Save that Jira is slow after 3 seconds, politely, and no more once saved', async () => {
    jest.useFakeTimers();
    try {
      const answer = fakeFieldBridge.givenSubmitPending();
      const user = await renderEditorWithTimers();

      await user.click(screen.getByRole('button', { name: 'Save' }));
      const notice = screen.getByText('Saving…').closest('[role="status"]') as HTMLElement;
      expect(notice.getAttribute('aria-live')).toBe('polite');

      act(() => jest.advanceTimersByTime(2900));
      expect(notice.textContent).toBe('Saving…');
      act(() => jest.advanceTimersByTime(200));
      expect(notice.textContent).toBe('Jira is slow to answer. Still trying…');

      await act(async () => answer.resolve(true));
      expect(notice.textContent).toBe('');
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('WITHOUT clauses field, on issue-create', () => {
  it('offers the same editor without taking focus from the create form, and sends nothing before anything is typed', async () => {
    await renderEditor(aFieldOnIssueCreate());

    expect(clauseFields()).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Use these clauses' })).toBeNull();
    expect(screen.getByText('Link threats in the WITHOUT clauses panel once the issue exists.')).toBeTruthy();
    expect(screen.getByText('Clauses typed here are saved with the issue.')).toBeTruthy();
    expect(document.activeElement).toBe(document.body);
    expect(submitted()).toEqual([]);
  });

  it('puts text typed but not added into the create form, with one id, and says it will be saved with the issue', async () => {
    const user = await renderEditor(aFieldOnIssueCreate());

    await user.type(field('New WITHOUT clause'), 'having my card data stolen');

    const last = submitted().at(-1);
    expect(last).toEqual({
      clauses: [{ id: A_NEW_ID, text: 'having my card data stolen', threatIds: [] }],
      directThreatIds: [],
      threatIds: [],
      hasClauses: 'yes',
      revision: 1,
    });
    // Fewer than 3 characters is not a clause: nothing went into the form for "h" and "ha".
    expect(submitted()[0]?.clauses.map((clause) => clause.text)).toEqual(['hav']);
    expect(new Set(submitted().map((value) => value.clauses[0]?.id)).size).toBe(1);
    expect(screen.getByRole('status').textContent).toBe('1 WITHOUT clause will be saved with the issue.');
  });

  it('keeps an added clause in the form with its id, adds the next typed text, and leaves out a text too short', async () => {
    const user = await renderEditor(aFieldOnIssueCreate());

    await user.type(field('New WITHOUT clause'), 'having my card data stolen{Enter}');
    const added = submitted().at(-1)?.clauses[0];
    await user.type(field('New WITHOUT clause'), 'charging the card twice');
    expect(submitted().at(-1)?.clauses).toEqual([
      added,
      { id: A_NEW_ID, text: 'charging the card twice', threatIds: [] },
    ]);
    expect(screen.getByRole('status').textContent).toBe('2 WITHOUT clauses will be saved with the issue.');

    await user.clear(field('WITHOUT clause 1'));
    await user.type(field('WITHOUT clause 1'), 'ab');
    expect(
      submitted()
        .at(-1)
        ?.clauses.map((clause) => clause.text),
    ).toEqual(['charging the card twice']);
    expect(screen.getByRole('status').textContent).toBe(
      '1 WITHOUT clause will be saved with the issue. One text is left out until fixed.',
    );

    await user.click(screen.getByRole('button', { name: 'Remove WITHOUT clause 1' }));
    await user.clear(field('New WITHOUT clause'));
    expect(submitted().at(-1)).toEqual({
      clauses: [],
      directThreatIds: [],
      threatIds: [],
      hasClauses: 'no',
      revision: 1,
    });
  });

  it('does not close on Escape: the field is part of the create form', async () => {
    const user = await renderEditor(aFieldOnIssueCreate());
    await user.type(field('New WITHOUT clause'), 'abc{Escape}');
    expect(fakeFieldBridge.closes()).toBe(0);
  });
});
