import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MoreMenu } from './more-menu';

function renderMenu() {
  const edit = jest.fn();
  const retire = jest.fn();
  render(
    <>
      <MoreMenu
        label="Actions for T-1"
        actions={[
          { label: 'Edit', name: 'Edit T-1', onSelect: edit },
          { label: 'Retire', name: 'Retire T-1', onSelect: retire },
        ]}
      />
      <button type="button">elsewhere</button>
    </>,
  );
  return { edit, retire, trigger: screen.getByRole('button', { name: 'Actions for T-1' }) };
}

describe('MoreMenu', () => {
  it('is a menu button: closed at first, opens on click with focus on the first item, runs the chosen one', async () => {
    const user = userEvent.setup();
    const { edit, trigger } = renderMenu();
    expect(trigger.getAttribute('aria-haspopup')).toBe('menu');
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('menu')).toBeNull();

    await user.click(trigger);
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Edit T-1' }));
    await user.click(screen.getByRole('menuitem', { name: 'Edit T-1' }));

    expect(edit).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('moves with the arrow keys, chooses with Enter, and Escape closes it back onto the button', async () => {
    const user = userEvent.setup();
    const { retire, trigger } = renderMenu();

    await user.click(trigger);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Retire T-1' }));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Edit T-1' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);

    await user.click(trigger);
    await user.keyboard('{End}{Enter}');
    expect(retire).toHaveBeenCalledTimes(1);
  });

  it('closes on a click elsewhere', async () => {
    const user = userEvent.setup();
    const { trigger } = renderMenu();
    await user.click(trigger);
    await user.click(screen.getByRole('button', { name: 'elsewhere' }));
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
