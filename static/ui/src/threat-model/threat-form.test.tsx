import { render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { ThreatDraft } from '../../../../src/domain/threat-model/threat';
import { ThreatForm, type ThreatFormProps } from './threat-form';

function renderForm(props: Partial<ThreatFormProps> = {}) {
  const onSubmit = jest.fn<Promise<string | undefined>, [ThreatDraft]>(async () => undefined);
  const onCancel = jest.fn();
  const user = userEvent.setup();
  render(<ThreatForm submitLabel="Create" onSubmit={onSubmit} onCancel={onCancel} {...props} />);
  return {
    user,
    onSubmit: (props.onSubmit as typeof onSubmit | undefined) ?? onSubmit,
    onCancel: (props.onCancel as jest.Mock | undefined) ?? onCancel,
  };
}

async function choose(user: UserEvent, label: string, option: string): Promise<void> {
  await user.click(screen.getByLabelText(label));
  await user.click(await screen.findByRole('option', { name: option }));
}

async function fillValidThreat(user: UserEvent): Promise<void> {
  await user.type(screen.getByLabelText('Title'), '  Card data read from logs  ');
  await user.type(screen.getByLabelText('Description'), 'Payment requests are logged in full.');
  await user.click(screen.getByLabelText('I — Information disclosure'));
  await user.click(screen.getByLabelText('T — Tampering'));
  await choose(user, 'Probability', '4 — Likely');
  await choose(user, 'Impact', '5 — Severe');
  await user.type(screen.getByLabelText('Component'), 'Checkout');
}

describe('ThreatForm', () => {
  it('binds a label to every field and names each STRIDE category in full', () => {
    renderForm();

    for (const label of ['Title', 'Description', 'Probability', 'Impact', 'Component']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    const stride = screen.getByRole('group', { name: 'STRIDE categories' });
    expect(
      within(stride)
        .getAllByRole('checkbox')
        .map((box) => box.parentElement?.textContent),
    ).toEqual([
      'S — Spoofing',
      'T — Tampering',
      'R — Repudiation',
      'I — Information disclosure',
      'D — Denial of service',
      'E — Elevation of privilege',
    ]);
  });

  it('shows the domain messages next to their fields and does not submit an invalid threat', async () => {
    const { user, onSubmit } = renderForm();

    await user.type(screen.getByLabelText('Title'), 'ab');
    await user.click(screen.getByRole('button', { name: 'Create' }));

    expect(screen.getByText('A threat needs a title of at least 3 characters')).toBeTruthy();
    expect(screen.getByText('Pick at least one STRIDE category')).toBeTruthy();
    expect(screen.getByText('Probability must be a whole number between 1 and 5')).toBeTruthy();
    expect(screen.getByText('Impact must be a whole number between 1 and 5')).toBeTruthy();
    expect(screen.getByLabelText('Title').getAttribute('aria-describedby')).toBeTruthy();
    expect(
      document.getElementById(screen.getByLabelText('Title').getAttribute('aria-describedby') ?? '')?.textContent,
    ).toContain('A threat needs a title of at least 3 characters');
    expect(document.activeElement).toBe(screen.getByLabelText('Title'));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows a field message once the field is left, before any submit', async () => {
    const { user } = renderForm();

    await user.type(screen.getByLabelText('Title'), 'x');
    expect(screen.queryByText('A threat needs a title of at least 3 characters')).toBeNull();

    await user.tab();
    expect(screen.getByText('A threat needs a title of at least 3 characters')).toBeTruthy();

    await user.type(screen.getByLabelText('Title'), 'ss');
    expect(screen.queryByText('A threat needs a title of at least 3 characters')).toBeNull();
  });

  it('previews the severity live: P4 × I5 = 20, Critical', async () => {
    const { user } = renderForm();
    const preview = screen.getByTestId('severity-preview');
    expect(preview.textContent).toBe('Pick a probability and an impact to see the severity.');

    await choose(user, 'Probability', '4 — Likely');
    await choose(user, 'Impact', '5 — Severe');

    expect(preview.textContent).toContain('P4 × I5 =');
    expect(within(preview).getByText(/Critical/).textContent).toBe('Critical 20');

    await choose(user, 'Impact', '2 — Minor');
    expect(preview.textContent).toContain('P4 × I2 =');
    expect(within(preview).getByText(/Medium/).textContent).toBe('Medium 8');
  });

  it('submits the parsed draft, trimmed, with STRIDE in STRIDE order', async () => {
    const { user, onSubmit } = renderForm();

    await fillValidThreat(user);
    await user.click(screen.getByRole('button', { name: 'Create' }));

    expect(onSubmit).toHaveBeenCalledWith({
      title: 'Card data read from logs',
      description: 'Payment requests are logged in full.',
      stride: ['T', 'I'],
      probability: 4,
      impact: 5,
      component: 'Checkout',
    });
  });

  it('disables submit while saving, then shows the error the caller returned and keeps the values', async () => {
    let finish: (error: string | undefined) => void = () => undefined;
    const onSubmit = jest.fn(() => new Promise<string | undefined>((resolve) => (finish = resolve)));
    const { user } = renderForm({ onSubmit });

    await fillValidThreat(user);
    await user.click(screen.getByRole('button', { name: 'Create' }));

    const saving = screen.getByRole('button', { name: 'Saving…' });
    expect(saving.hasAttribute('disabled') || saving.getAttribute('aria-disabled') === 'true').toBe(true);
    await user.click(saving);
    expect(onSubmit).toHaveBeenCalledTimes(1);

    finish('Jira did not answer in time. Try again in a minute.');

    expect(await screen.findByText('Jira did not answer in time. Try again in a minute.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create' }).hasAttribute('disabled')).toBe(false);
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('  Card data read from logs  ');
  });

  it('says the threat could not be saved when the caller throws', async () => {
    const onSubmit = jest.fn(async (): Promise<string | undefined> => {
      throw new Error('boom');
    });
    const { user } = renderForm({ onSubmit });

    await fillValidThreat(user);
    await user.click(screen.getByRole('button', { name: 'Create' }));

    expect(await screen.findByText('The threat could not be saved. Try again.')).toBeTruthy();
    expect(screen.queryByText(/boom/)).toBeNull();
  });

  it('starts from the initial values', () => {
    renderForm({
      initial: {
        title: 'Session fixation',
        description: 'Old sessions survive login.',
        stride: ['S', 'E'],
        probability: 2,
        impact: 3,
        component: 'Auth',
      },
      submitLabel: 'Save',
    });

    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Session fixation');
    expect((screen.getByLabelText('Description') as HTMLTextAreaElement).value).toBe('Old sessions survive login.');
    expect((screen.getByLabelText('S — Spoofing') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('E — Elevation of privilege') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('T — Tampering') as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText('2 — Unlikely')).toBeTruthy();
    expect(screen.getByText('3 — Moderate')).toBeTruthy();
    expect((screen.getByLabelText('Component') as HTMLInputElement).value).toBe('Auth');
    expect(within(screen.getByTestId('severity-preview')).getByText(/Medium/).textContent).toBe('Medium 6');
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
  });

  it('cancels with Escape and with the Cancel button', async () => {
    const { user, onCancel } = renderForm();

    await user.click(screen.getByLabelText('Title'));
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(2);
  });

  it('lets Escape close an open select menu without cancelling the form', async () => {
    const { user, onCancel } = renderForm();

    await user.click(screen.getByLabelText('Probability'));
    expect(await screen.findByRole('option', { name: '3 — Possible' })).toBeTruthy();
    await user.keyboard('{Escape}');

    expect(screen.queryByRole('option', { name: '3 — Possible' })).toBeNull();
    expect(onCancel).not.toHaveBeenCalled();
  });

  it('counts a title in characters as people see them, with the message the resolver answers', async () => {
    const emoji = (n: number) => '\u{1F44D}\u{1F3FD}'.repeat(n); // 👍🏽: one character, two code points
    const valid = { description: '', stride: ['I'], probability: 4, impact: 5, component: '' } satisfies Omit<
      ThreatDraft,
      'title'
    >;
    const { user, onSubmit } = renderForm({ initial: valid });

    await user.click(screen.getByLabelText('Title'));
    await user.paste(emoji(201));
    await user.click(screen.getByRole('button', { name: 'Create' }));

    const backend = ThreatDraft.safeParse({ ...valid, title: emoji(201) }).error?.issues[0]?.message;
    expect(backend).toBe('A threat title can have at most 200 characters');
    expect(screen.getByText(backend ?? '')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('Title'));
    await user.paste(emoji(200));
    await user.click(screen.getByRole('button', { name: 'Create' }));
    expect(screen.queryByText('A threat title can have at most 200 characters')).toBeNull();
    expect(onSubmit).toHaveBeenCalledWith({ ...valid, title: emoji(200) });
  });

  it('refuses a title that shows nothing or hides a right-to-left override', async () => {
    const { user } = renderForm();

    await user.click(screen.getByLabelText('Title'));
    await user.paste('\u200B\u200B\u200B');
    await user.tab();
    expect(screen.getByText('A threat title cannot be made only of invisible characters')).toBeTruthy();

    await user.clear(screen.getByLabelText('Title'));
    await user.paste('Card data\u202Etxt.exe');
    expect(
      screen.getByText('A threat title cannot contain invisible or control characters (U+202E at character 10)'),
    ).toBeTruthy();
  });

  it('renders markup in typed values as text', () => {
    renderForm({ initial: { title: '<img src=x onerror=alert(1)>' } });

    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelectorAll('img')).toHaveLength(0);
  });
});
