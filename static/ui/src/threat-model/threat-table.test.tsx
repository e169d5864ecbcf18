import { hostBridge } from './test-support/host-bridge';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { atFrameWidth, WIDE } from '../test-support/frame-width';
import { ThreatModelTab } from './threat-model-tab';
import { aThreatModel, aThreatRow, type ThreatModelFixture } from './test-support/threat-model-mother';
import { cellOf, rowOf } from './test-support/threat-table-queries';
import { givenThreatModel } from './test-support/given-threat-model';

const T1 = aThreatRow({
  id: 'T-1',
  title: 'Card details skimmed by a malicious script on the checkout page',
  stride: ['T', 'I'],
  probability: 4,
  impact: 5,
  component: 'Checkout web page',
  storyCount: 2,
  storiesJql: 'threat = "T-1"',
});
const T2 = aThreatRow({ id: 'T-2', title: 'Forged payment callback', component: 'Payment API' });

async function renderTab(width: number, model: ThreatModelFixture = aThreatModel({ threats: [T1, T2] })) {
  atFrameWidth(width);
  givenThreatModel(model);
  const user = userEvent.setup();
  render(<ThreatModelTab />);
  await screen.findByRole('table', { name: 'Threats' });
  return user;
}

const headers = () => screen.getAllByRole('columnheader').map((h) => h.textContent?.replace(/[↑↓]/g, ''));

afterEach(() => hostBridge.reset());

describe('threat table at the width of its frame', () => {
  it('shows every column in a wide frame, the row actions in one menu', async () => {
    const user = await renderTab(WIDE);

    expect(headers()).toEqual([
      'ID',
      'Title',
      'STRIDE',
      'Severity',
      'Residual',
      'Mitigations',
      'Questions',
      'Component',
      'Stories',
      'State',
      'Actions',
    ]);
    expect(within(rowOf('T-1')).queryByRole('button', { name: 'Details of T-1' })).toBeNull();
    expect(within(rowOf('T-1')).queryByRole('button', { name: 'Edit T-1' })).toBeNull();
    await user.click(within(rowOf('T-1')).getByRole('button', { name: 'Actions for T-1' }));
    expect(screen.getAllByRole('menuitem').map((item) => item.getAttribute('aria-label'))).toEqual([
      'Edit T-1',
      'Accept risk of T-1',
      'Retire T-1',
    ]);
  });

  it('in a narrow frame keeps ID, title, severity and residual, and opens the rest in the row’s details', async () => {
    const user = await renderTab(600);

    expect(headers()).toEqual(['ID', 'Title', 'Severity', 'Residual', 'Actions']);
    const toggle = within(rowOf('T-1')).getByRole('button', { name: 'Details of T-1' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const details = within(screen.getByTestId('details-row-T-1'));
    expect(details.getByText('Component')).toBeTruthy();
    expect(details.getByText('Checkout web page')).toBeTruthy();
    expect(details.getByText('Active')).toBeTruthy();
    // The mitigations toggle moved with its column, and still opens the threat's mitigations.
    await user.click(details.getByRole('button', { name: /^Mitigations of T-1/ }));
    expect(screen.getByTestId('mitigations-row-T-1')).toBeTruthy();
  });

  it('brings the columns back when the frame grows again', async () => {
    await renderTab(600);
    expect(headers()).not.toContain('Component');
    atFrameWidth(WIDE);
    expect(headers()).toContain('Component');
  });

  it('wraps titles between words only, with room to read', async () => {
    await renderTab(600);
    const title = within(cellOf('T-1', 'Title')).getByText(T1.title);

    expect(title.style.overflowWrap).toBe('break-word');
    expect(title.style.wordBreak).toBe('normal');
    expect(title.style.minWidth).toBe('11em');
    expect(cellOf('T-1', 'ID').style.whiteSpace).toBe('nowrap');
  });

  it('explains Residual and its numbers on hover, and takes focus for keyboard users', async () => {
    const user = await renderTab(WIDE);

    const residual = cellOf('T-1', 'Residual').querySelector<HTMLElement>('[aria-description]')!;
    expect(residual.textContent).toMatch(/^\d+(\.\d)? \/ 20$/);
    expect(residual.getAttribute('aria-description')).toMatch(/^Residual: what is left of the severity/);
    expect(residual.tabIndex).toBe(0);
    await user.hover(residual);
    expect(await screen.findByRole('tooltip')).toBeTruthy();
    expect(screen.getByRole('tooltip').textContent).toMatch(/^Residual: what is left/);
  });
});
