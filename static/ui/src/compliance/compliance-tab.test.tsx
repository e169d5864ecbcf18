import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComplianceView } from '../../../../src/contract';
import { asvsCoverage } from '../../../../src/domain/compliance/asvs-coverage';
import { aMitigation, aThreat } from '../../../../src/domain/compliance/compliance-mother';
import { fakeBridge } from '../test-support/fake-bridge';
import { ComplianceTab } from './compliance-tab';

afterEach(() => fakeBridge.reset());

function aView(level: 1 | 2 | 3, source?: ComplianceView['clauseEvidence']['source']): ComplianceView {
  const coverage = asvsCoverage('asvs-5.0', level, {
    threats: [aThreat('T-5', { title: 'Credential stuffing' })],
    mitigations: [
      aMitigation('M-2', ['T-5'], 'implemented', {
        title: 'Lock accounts after failed logins',
        asvs: ['v5.0.0-6.3.1'],
        task: { id: '1', key: 'PAY-21', statusName: 'Done', categoryKey: 'done' },
      }),
    ],
    storiesByThreat: new Map([['T-5', ['PAY-3']]]),
    clauseEvidence: { stories: 18, storiesWithClauses: 9, clauses: 9, linkedClauses: 7, ...(source ? { source } : {}) },
  });
  return { projectKey: 'PAY', ...coverage, storiesJql: { 'T-5': 'project = "PAY"' }, problems: [] };
}

describe('the Compliance tab', () => {
  it('shows the level’s requirements a page at a time, finds one, and links its mitigation’s task', async () => {
    fakeBridge.answer('compliance/get', ({ level }) => ({ ok: true, data: aView(level as 1 | 2 | 3) }));
    render(<ComplianceTab />);
    expect((await screen.findByTestId('compliance-summary')).textContent).toBe(
      '253 requirements of ASVS 5.0.0 apply at level 2: 1 implemented, 0 planned, 252 with no mitigation.',
    );
    expect(fakeBridge.payloadsOf('compliance/get')).toEqual([{ standard: 'asvs-5.0', level: 2 }]);
    const table = screen.getByRole('table', { name: 'ASVS 5.0.0 level 2 coverage' });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 50);
    expect(screen.getByText('Page 1 of 6')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('Page 2 of 6')).toBeTruthy();

    await userEvent.type(screen.getByRole('textbox', { name: 'Find' }), 'V6.3.1');
    const row = screen.getByTestId('requirement-V6.3.1');
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2);
    expect(row.textContent).toContain('M-2 Lock accounts after failed logins');
    expect(within(row).getByRole('link', { name: 'Task PAY-21 of M-2' }).getAttribute('href')).toBe('/browse/PAY-21');
    expect(within(row).getByRole('link', { name: 'PAY-3' })).toBeTruthy();
    expect(screen.getByTestId('compliance-clauses').textContent).toContain(
      'ASVS 5.0.0 has no requirement about security constraints in user stories',
    );
    expect(screen.getByTestId('asvs-attribution').textContent).toMatch(/OWASP Foundation.*CC BY-SA 4\.0/);
  });

  it('says when the stories are the last audit’s, and offers Jira’s search where they were not counted', async () => {
    fakeBridge.answer('compliance/get', () => ({
      ok: true,
      data: aView(2, { kind: 'audit', completedAt: '2026-12-02T09:00:00.000Z' }),
    }));
    const { unmount } = render(<ComplianceTab />);
    expect((await screen.findByTestId('compliance-clauses')).textContent).toContain(
      '9 of 18 stories carry WITHOUT clauses (9 clauses, 7 linked to a threat), as of the audit of 2026-12-02; run the audit to refresh.',
    );
    unmount();
    fakeBridge.reset();
    fakeBridge.answer('compliance/get', () => {
      const view = aView(2, { kind: 'uncounted', atLeast: 100 });
      return {
        ok: true,
        data: { ...view, requirements: view.requirements.map((r) => ({ ...r, stories: [], storyCount: 0 })) },
      };
    });
    render(<ComplianceTab />);
    expect((await screen.findByTestId('compliance-clauses')).textContent).toContain(
      'The stories are not counted yet: the project has more than 100 stories, which the audit counts; run the audit to count them.',
    );
    await userEvent.type(screen.getByRole('textbox', { name: 'Find' }), 'V6.3.1');
    const row = screen.getByTestId('requirement-V6.3.1');
    expect(within(row).getByRole('button', { name: 'Find the stories of V6.3.1 in Jira' })).toBeTruthy();
    expect(row.textContent).not.toContain('None');
  });

  it('says why the report could not be made, where it was asked for', async () => {
    fakeBridge.answer('compliance/get', () => ({ ok: true, data: aView(2) }));
    fakeBridge.answer('report/get', () => ({
      ok: false,
      error: { code: 'FORBIDDEN', message: "You can't see project PAY." },
    }));
    render(<ComplianceTab />);
    await userEvent.click(await screen.findByRole('button', { name: 'Download HTML' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      "The report could not be made: You can't see project PAY.",
    );
    expect(fakeBridge.payloadsOf('report/get')).toEqual([{ format: 'html', standard: 'asvs-5.0', level: 2 }]);
  });
});
