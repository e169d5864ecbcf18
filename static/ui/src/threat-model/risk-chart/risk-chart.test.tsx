import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RiskChart } from './risk-chart';
import { aRiskHistory } from './test-support/risk-history-mother';

function days(): HTMLElement[] {
  return within(screen.getByRole('group', { name: /Risk by day/ })).getAllByRole('img');
}

describe('risk chart', () => {
  it('says there is no history yet when there are no points', () => {
    render(<RiskChart history={[]} />);

    expect(screen.getByText(/No risk history yet/)).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByTestId('risk-chart-legend')).toBeNull();
  });

  it('draws one point, summarised for screen readers, with its tooltip on focus', async () => {
    const user = userEvent.setup();
    render(<RiskChart history={aRiskHistory(1)} />);

    expect(
      screen.getByRole('img', { name: 'Risk now was 95 on 1 Mar 2025; 75 once planned work is done.' }),
    ).toBeTruthy();
    expect(days()).toHaveLength(1);
    expect(screen.getByText('1 Mar 2025')).toBeTruthy();

    await user.tab();

    const tooltip = screen.getByRole('tooltip');
    expect(tooltip.textContent).toBe('1 Mar 2025Risk now: 95Once planned work is done: 75');
  });

  it('draws many days with axes, gridlines and a legend', () => {
    render(<RiskChart history={aRiskHistory(30)} />);

    const chart = screen.getByRole('img', {
      name: 'Risk now fell from 120 to 95 over 30 days, 1 Mar 2025 to 30 Mar 2025; 75 once planned work is done.',
    });
    const labels = Array.from(chart.querySelectorAll('text')).map((text) => text.textContent);
    expect(labels).toEqual(['0', '50', '100', '150', '1 Mar', '8 Mar', '15 Mar', '22 Mar', '29 Mar']);
    expect(chart.querySelectorAll('path[stroke-dasharray]')).toHaveLength(1);
    expect(days()).toHaveLength(30);
    expect(within(screen.getByTestId('risk-chart-legend')).getByText('Risk now')).toBeTruthy();
    expect(within(screen.getByTestId('risk-chart-legend')).getByText(/Once planned work is done/)).toBeTruthy();
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('is one tab stop, starting at the newest day; arrow keys, Home and End move between days', async () => {
    const user = userEvent.setup();
    render(<RiskChart history={aRiskHistory(30)} />);
    expect(days().filter((day) => day.tabIndex === 0)).toHaveLength(1);

    await user.tab();
    expect(document.activeElement?.getAttribute('aria-label')).toBe(
      '30 Mar 2025: risk now 95, 75 once planned work is done',
    );
    expect(screen.getByRole('tooltip').textContent).toContain('30 Mar 2025');

    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^29 Mar 2025: risk now 95\.9/);
    expect(screen.getByRole('tooltip').textContent).toContain('29 Mar 2025');

    await user.keyboard('{Home}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe(
      '1 Mar 2025: risk now 120, 100 once planned work is done',
    );
    expect(screen.getByRole('tooltip').textContent).toBe('1 Mar 2025Risk now: 120Once planned work is done: 100');
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^1 Mar 2025/);

    await user.keyboard('{End}');
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^30 Mar 2025/);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('tooltip')).toBeNull();

    await user.tab();
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('shows the tooltip of the day under the pointer', () => {
    render(<RiskChart history={aRiskHistory(30)} />);

    fireEvent.mouseEnter(days()[9] as HTMLElement);
    expect(screen.getByRole('tooltip').textContent).toContain('10 Mar 2025');

    fireEvent.mouseLeave(screen.getByRole('group', { name: /Risk by day/ }));
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('draws a year of points as lines, without a dot per day', () => {
    render(<RiskChart history={aRiskHistory(366, { start: '2024-03-01' })} />);

    expect(days()).toHaveLength(366);
    expect(screen.getByRole('img', { name: /over 366 days, 1 Mar 2024 to 1 Mar 2025/ })).toBeTruthy();
    expect(screen.getByTestId('risk-chart').querySelectorAll('circle')).toHaveLength(0);
  });
});
