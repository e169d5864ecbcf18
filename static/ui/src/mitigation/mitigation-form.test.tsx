import '../test-support/fake-bridge';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { MitigationDraft } from '../../../../src/domain/mitigation/mitigation';
import { aMitigationDraft } from '../test-support/mitigation-view-mother';
import { MitigationForm } from './mitigation-form';
import { MitigationStatusLozenge } from './mitigation-status-lozenge';

const THREATS = [
  { id: 'T-1', title: 'Card data read from logs' },
  { id: 'T-2', title: 'Card skimming script on checkout' },
];

function renderForm(props: Partial<Parameters<typeof MitigationForm>[0]> = {}) {
  const onSubmit = jest.fn<Promise<string | undefined>, [MitigationDraft]>().mockResolvedValue(undefined);
  const onCancel = jest.fn();
  const user = userEvent.setup();
  render(
    <MitigationForm
      threats={THREATS}
      submitLabel="Add mitigation"
      onSubmit={onSubmit}
      onCancel={onCancel}
      {...props}
    />,
  );
  return { user, onSubmit, onCancel };
}

/** Chooses an option of an @atlaskit select the way a person does: open it, then click the option. */
async function choose(user: UserEvent, label: string, option: string): Promise<void> {
  await user.click(screen.getByLabelText(label));
  await user.click(await screen.findByRole('option', { name: option }));
}

/** The option an @atlaskit select shows as chosen: the text beside its input. */
const chosenIn = (label: string) => screen.getByLabelText(label).parentElement?.parentElement?.textContent;

const errorOf = (label: string) =>
  document.getElementById(screen.getByLabelText(label).getAttribute('aria-describedby') ?? '')?.textContent;

describe('mitigation form', () => {
  it('labels every field, and sends the draft the domain schema parses', async () => {
    const { user, onSubmit } = renderForm({ initial: { addresses: [{ threatId: 'T-1', strength: 50 }] } });

    await user.type(screen.getByLabelText('Title'), '  Mask card numbers in logs ');
    await user.type(screen.getByLabelText('What to implement'), 'A log filter{Enter}for PANs');
    await user.type(screen.getByLabelText('How to verify'), 'grep the logs');
    await choose(user, 'Control type', 'Detective');
    await choose(user, 'Strength against T-1', 'strong (75%)');
    await choose(user, 'Status', 'Accepted');
    await user.click(screen.getByRole('button', { name: 'Add mitigation' }));

    expect(onSubmit).toHaveBeenCalledWith(
      aMitigationDraft({
        title: 'Mask card numbers in logs',
        implementation: 'A log filter\nfor PANs',
        verification: 'grep the logs',
        controlType: 'detective',
        addresses: [{ threatId: 'T-1', strength: 75 }],
        status: 'accepted',
      }),
    );
  });

  it('offers the five strengths by name, and adds and removes the threats it addresses', async () => {
    const { user, onSubmit } = renderForm({
      initial: { title: 'Content security policy', addresses: [{ threatId: 'T-1', strength: 25 }] },
    });

    expect(chosenIn('Strength against T-1')).toBe('weak (25%)');
    await user.click(screen.getByLabelText('Strength against T-1'));
    expect((await screen.findAllByRole('option')).map((option) => option.textContent)).toEqual([
      'none (0%)',
      'weak (25%)',
      'average (50%)',
      'strong (75%)',
      'complete (100%)',
    ]);
    await user.keyboard('{Escape}');

    await choose(user, 'Add a threat', 'T-2 Card skimming script on checkout');
    expect(chosenIn('Strength against T-2')).toBe('average (50%)');
    expect(screen.queryByLabelText('Add a threat')).toBeNull();
    await choose(user, 'Strength against T-2', 'complete (100%)');
    await user.click(screen.getByRole('button', { name: 'Remove T-1' }));
    expect(screen.queryByLabelText('Strength against T-1')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Add mitigation' }));
    expect(onSubmit.mock.calls[0]?.[0].addresses).toEqual([{ threatId: 'T-2', strength: 100 }]);
  });

  it('needs at least one threat, and says so next to the threats', async () => {
    const { user, onSubmit } = renderForm();

    await user.type(screen.getByLabelText('Title'), 'Mask card numbers');
    await user.click(screen.getByRole('button', { name: 'Add mitigation' }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('A mitigation addresses at least one threat')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Add a threat'));
  });

  it('shows the title message next to the title and focuses it', async () => {
    const { user, onSubmit } = renderForm({ initial: { addresses: [{ threatId: 'T-1', strength: 50 }] } });

    await user.type(screen.getByLabelText('Title'), 'ab');
    await user.click(screen.getByRole('button', { name: 'Add mitigation' }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorOf('Title')).toBe('A mitigation needs a title of at least 3 characters');
    expect(document.activeElement).toBe(screen.getByLabelText('Title'));
  });

  it('asks why when rejected, and does not send a rejection without a reason', async () => {
    const { user, onSubmit } = renderForm({
      initial: { title: 'Tokenise cards', addresses: [{ threatId: 'T-1', strength: 50 }] },
    });

    expect(screen.queryByLabelText('Why it is rejected')).toBeNull();
    await choose(user, 'Status', 'Rejected');
    await user.click(screen.getByRole('button', { name: 'Add mitigation' }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorOf('Why it is rejected')).toBe('Say why the mitigation is rejected');
    expect(document.activeElement).toBe(screen.getByLabelText('Why it is rejected'));

    await user.type(screen.getByLabelText('Why it is rejected'), 'The payment provider does it');
    await user.click(screen.getByRole('button', { name: 'Add mitigation' }));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ status: 'rejected', rejectionReason: 'The payment provider does it' }),
    );
  });

  it('shows the error the save answers, keeps the values, and sends once on a double click', async () => {
    let settle!: (error: string | undefined) => void;
    const onSubmit = jest.fn(() => new Promise<string | undefined>((resolve) => (settle = resolve)));
    const { user } = renderForm({
      onSubmit,
      initial: { title: 'Tokenise cards', addresses: [{ threatId: 'T-1', strength: 50 }] },
    });

    await user.dblClick(screen.getByRole('button', { name: 'Add mitigation' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect((screen.getByRole('button', { name: 'Saving…' }) as HTMLButtonElement).disabled).toBe(true);

    settle('T-9 is not in this project’s threat model.');
    expect(await screen.findByText('T-9 is not in this project’s threat model.')).toBeTruthy();
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Tokenise cards');
  });

  it('cancels with Escape and with Cancel', async () => {
    const { user, onCancel } = renderForm();

    await user.type(screen.getByLabelText('Title'), 'abc{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(2);
  });

  it('starts from the values it is given', async () => {
    renderForm({
      initial: aMitigationDraft({
        title: 'WAF rule',
        controlType: 'corrective',
        status: 'rejected',
        rejectionReason: 'Too costly',
        addresses: [{ threatId: 'T-2', strength: 100 }],
      }),
    });

    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('WAF rule');
    expect(chosenIn('Control type')).toBe('Corrective');
    expect(chosenIn('Status')).toBe('Rejected');
    expect((screen.getByLabelText('Why it is rejected') as HTMLTextAreaElement).value).toBe('Too costly');
    expect(chosenIn('Strength against T-2')).toBe('complete (100%)');
    await waitFor(() => expect(screen.getByText('Card skimming script on checkout')).toBeTruthy());
  });
});

describe('mitigation status lozenge', () => {
  it.each([
    ['proposed', 'Proposed'],
    ['in-progress', 'In progress'],
    ['rejected', 'Rejected'],
  ] as const)('names %s as %s', (status, text) => {
    render(<MitigationStatusLozenge status={status} />);
    expect(screen.getByText(text)).toBeTruthy();
  });
});
