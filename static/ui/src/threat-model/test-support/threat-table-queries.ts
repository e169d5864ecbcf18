import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/** The ids of the threat rows shown, in order (an expanded row's details are not a threat row). */
export function threatIds(): string[] {
  return screen
    .getAllByRole('row')
    .slice(1)
    .filter((row) => !row.hasAttribute('data-testid'))
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent ?? '');
}

export function rowOf(id: string): HTMLElement {
  const row = screen
    .getAllByRole('row')
    .find((candidate) => within(candidate).queryAllByRole('cell')[0]?.textContent === id);
  if (!row) throw new Error(`no row for ${id}`);
  return row;
}

export function cellOf(id: string, column: string): HTMLElement {
  const index = screen.getAllByRole('columnheader').indexOf(screen.getByRole('columnheader', { name: column }));
  const cell = within(rowOf(id)).getAllByRole('cell')[index];
  if (!cell) throw new Error(`no ${column} cell for ${id}`);
  return cell;
}

/** Opens a threat row's actions menu and chooses one ("Edit T-1", "Retire T-2", …). */
export async function chooseRowAction(user: UserEvent, id: string, name: string): Promise<void> {
  await user.click(within(rowOf(id)).getByRole('button', { name: `Actions for ${id}` }));
  await user.click(screen.getByRole('menuitem', { name }));
}
