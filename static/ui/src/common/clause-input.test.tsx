import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CLAUSE_TEXT_MAX } from '../../../../src/domain/story/without-clause';
import { ClauseInput, useClauseText } from './clause-input';

interface Probe {
  onSave: jest.Mock;
  onEscape?: () => void;
}

/** A ClauseInput as the story panel uses it: Enter takes the text if the rule does. */
function Field({ onSave, onEscape }: Probe) {
  const clause = useClauseText();
  return (
    <ClauseInput
      label="New WITHOUT clause"
      value={clause.text}
      error={clause.error}
      disabled={false}
      onChange={clause.change}
      onEnter={() => {
        const text = clause.take();
        if (text !== undefined) onSave(text);
      }}
      {...(onEscape ? { onEscape } : {})}
    />
  );
}

const field = () => screen.getByRole('textbox', { name: 'New WITHOUT clause' }) as HTMLInputElement;
const description = () => document.getElementById(field().getAttribute('aria-describedby') ?? '')?.textContent;

describe('ClauseInput', () => {
  it('drops a typed or pasted leading "WITHOUT" (any case), so the clause never reads "WITHOUT WITHOUT …"', async () => {
    const saved: string[] = [];
    for (const typed of [
      'WITHOUT having my card data stolen',
      '  without   leaking the address',
      'Withholding nothing',
    ]) {
      const onSave = jest.fn();
      const user = userEvent.setup();
      const { unmount } = render(<Field onSave={onSave} />);
      await user.click(field());
      await user.paste(typed);
      await user.keyboard('{Enter}');
      saved.push(onSave.mock.calls[0]?.[0]);
      unmount();
    }

    expect(saved).toEqual(['having my card data stolen', 'leaking the address', 'Withholding nothing']);
  });

  it('reads after "WITHOUT", and Enter saves the trimmed text the shared rule takes', async () => {
    const onSave = jest.fn();
    const user = userEvent.setup();
    render(<Field onSave={onSave} />);
    expect(field().parentElement?.textContent).toContain('WITHOUT');

    await user.type(field(), '  having my card data stolen {Enter}');
    expect(onSave).toHaveBeenCalledWith('having my card data stolen');
  });

  it('shows the rule’s message tied to the field, and clears it as the person types', async () => {
    const onSave = jest.fn();
    const user = userEvent.setup();
    render(<Field onSave={onSave} />);

    await user.type(field(), 'ab{Enter}');
    expect(onSave).not.toHaveBeenCalled();
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(description()).toBe('A WITHOUT clause needs at least 3 characters');

    await user.type(field(), 'c');
    expect(field().getAttribute('aria-invalid')).toBeNull();
    expect(field().getAttribute('aria-describedby')).toBeNull();
  });

  it('says how many characters are left near the limit, counted as people see them, and refuses more', async () => {
    const onSave = jest.fn();
    const user = userEvent.setup();
    render(<Field onSave={onSave} />);

    await user.click(field());
    await user.paste('x'.repeat(CLAUSE_TEXT_MAX - 51));
    expect(field().getAttribute('aria-describedby')).toBeNull();
    await user.paste('👍🏽');
    expect(description()).toBe('50 characters left');
    await user.paste('x'.repeat(49));
    expect(description()).toBe('1 character left');
    await user.paste('x');
    expect(description()).toBe('0 characters left');
    await user.paste('x');
    expect(description()).toBe(`More than ${CLAUSE_TEXT_MAX} characters`);

    await user.keyboard('{Enter}');
    expect(onSave).not.toHaveBeenCalled();
    expect(description()).toBe(`A WITHOUT clause can have at most ${CLAUSE_TEXT_MAX} characters`);
  });

  it('gives up on Escape when asked to, and otherwise leaves Escape to the page', async () => {
    const onEscape = jest.fn();
    const user = userEvent.setup();
    const { unmount } = render(<Field onSave={jest.fn()} onEscape={onEscape} />);
    expect(screen.getByText('Enter saves, Escape cancels')).toBeTruthy();
    await user.type(field(), 'half typed{Escape}');
    expect(onEscape).toHaveBeenCalledTimes(1);
    unmount();

    const page = jest.fn((event: KeyboardEvent) => event.defaultPrevented);
    document.addEventListener('keydown', page);
    render(<Field onSave={jest.fn()} />);
    expect(screen.queryByText('Enter saves, Escape cancels')).toBeNull();
    await user.type(field(), 'half typed{Escape}');
    document.removeEventListener('keydown', page);
    expect(page.mock.results.at(-1)?.value).toBe(false);
  });

  it('does not save on the Enter that ends an input method’s composition', () => {
    const onSave = jest.fn();
    render(<Field onSave={onSave} />);
    fireEvent.change(field(), { target: { value: 'カードを盗まれること' } });
    fireEvent.keyDown(field(), { key: 'Enter', isComposing: true });
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.keyDown(field(), { key: 'Enter' });
    expect(onSave).toHaveBeenCalledWith('カードを盗まれること');
  });
});
