import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { findingsPage } from '../../../../src/domain/audit/finding-page';
import { NO_FILTERS, type AuditFilters } from './audit-filters';
import { AuditSummary } from './audit-summary';
import { auditedResult } from './test-support/audit-view-mother';

// A kind's chip is cut to the lozenge's width; the count is what it is for, so it stays whole.

const renderSummary = (filters: AuditFilters = NO_FILTERS) => {
  const chosen: Array<Partial<AuditFilters>> = [];
  render(<AuditSummary result={findingsPage(auditedResult())} filters={filters} onFilter={(f) => chosen.push(f)} />);
  return chosen;
};

describe('the audit summary’s kind chips', () => {
  it('cut only the kind’s name: its count is set apart, never inside the part that gives way', () => {
    renderSummary();
    const chip = screen.getByRole('button', { name: 'WITHOUT clause linked to no threat: 1' });
    const name = within(chip).getByText('WITHOUT clause linked to no threat');
    const count = within(chip).getByText(': 1');
    expect(name.contains(count)).toBe(false);
    expect(name.style.textOverflow).toBe('ellipsis');
    expect(name.style.minWidth).toBe('0');
    expect(count.style.flexShrink).toBe('0');
  });

  it('shows the full name on focus, and filters the table to the kind when pressed', async () => {
    const chosen = renderSummary();
    const user = userEvent.setup();
    await user.tab();
    while (!document.activeElement?.getAttribute('aria-label')?.startsWith('WITHOUT clause linked')) await user.tab();
    expect((await screen.findByRole('tooltip')).textContent).toBe('WITHOUT clause linked to no threat');
    await user.keyboard('{Enter}');
    expect(chosen).toEqual([{ kind: 'clause-without-threat' }]);
  });
});

describe('the audit summary and issues under a security level', () => {
  it('says how many the stored result left out, and how to audit them', () => {
    const result = findingsPage({ ...auditedResult(), restrictedLeftOut: 3 });
    render(<AuditSummary result={result} filters={NO_FILTERS} onFilter={() => undefined} />);
    expect(screen.getByTestId('audit-restricted-left-out').textContent).toBe(
      '3 issues have a security level and were left out: this result is readable by everyone who may browse the project. To audit what you may see, run npx without audit as yourself.',
    );
  });

  it('says nothing when none was left out', () => {
    renderSummary();
    expect(screen.queryByTestId('audit-restricted-left-out')).toBeNull();
  });
});
