import { fakeFieldBridge } from './test-support/fake-field-bridge';
import { render, screen, within } from '@testing-library/react';
import { storyClausesValue } from '../../../../../src/domain/story/story-clauses';
import { ClausesField } from './clauses-field';
import { aFieldOnIssueView } from './test-support/field-context-mother';

const CARD = { id: 'c1', text: 'having my card data stolen', threatIds: ['T-1', 'T-4'] };
const ADDRESS = { id: 'c2', text: 'exposing my address to other buyers', threatIds: [] };

function givenStored(fieldValue: unknown): void {
  fakeFieldBridge.givenField(aFieldOnIssueView('view', fieldValue));
}

afterEach(() => fakeFieldBridge.reset());

describe('WITHOUT clauses field, in the issue sidebar', () => {
  it('shows each clause as "WITHOUT <text>" followed by its threat ids', async () => {
    givenStored(storyClausesValue([CARD, ADDRESS], ['T-7'], 3));

    render(<ClausesField />);

    const list = await screen.findByRole('list', { name: 'WITHOUT clauses' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'WITHOUT having my card data stolen T-1, T-4',
      'WITHOUT exposing my address to other buyers',
    ]);
    expect(within(items[0] as HTMLElement).getByText('T-1, T-4')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says "None" when nothing is stored', async () => {
    givenStored(null);

    render(<ClausesField />);

    expect(await screen.findByText('None')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('says "None" when the stored value has no clauses', async () => {
    givenStored(storyClausesValue([], [], 2));

    render(<ClausesField />);

    expect(await screen.findByText('None')).toBeTruthy();
  });

  it('warns in one line when the stored value is not valid', async () => {
    givenStored({ clauses: [{ id: 'c1', text: 'x', threatIds: ['nope'] }], revision: 2 });

    render(<ClausesField />);

    expect(await screen.findByText('The stored value is not valid.')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.queryByText('None')).toBeNull();
  });

  it('shows markup in a clause as text', async () => {
    givenStored(storyClausesValue([{ id: 'c1', text: '<script>alert(1)</script>', threatIds: [] }], [], 1));

    const { container } = render(<ClausesField />);

    expect(await screen.findByText('<script>alert(1)</script>')).toBeTruthy();
    expect(container.querySelector('script')).toBeNull();
  });

  it('says so when Jira gives no field context', async () => {
    fakeFieldBridge.givenField({ type: 'jira:customField' });

    render(<ClausesField />);

    expect(await screen.findByText('Jira did not say which field to show. Reload the page.')).toBeTruthy();
  });
});
