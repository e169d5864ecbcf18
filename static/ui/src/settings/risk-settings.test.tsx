import { fakeBridge, hostBridge } from '../threat-model/test-support/host-bridge';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SettingsView, ThreatModelSettings } from '../../../../src/contract';
import { ProjectSettings } from './project-settings';
import { aSettingsView } from './test-support/settings-view-mother';

afterEach(() => hostBridge.reset());

describe('project settings: risk', () => {
  it('shows the tiers, and saves the tier, a tolerance, detective controls and the roles that may accept risk', async () => {
    fakeBridge.givenResolver('settings/get', () => ({ ok: true, data: aSettingsView() }));
    let saved: ThreatModelSettings | undefined;
    fakeBridge.givenResolver('settings/save', (payload) => {
      saved = (payload as { settings: ThreatModelSettings }).settings;
      return { ok: true, data: aSettingsView({ settings: saved }) };
    });
    const user = userEvent.setup();
    render(<ProjectSettings />);
    const tiers = await screen.findByRole('table', { name: 'Exposure tiers' });
    const cells = within(tiers)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    expect(cells.map(([tier, tolerance]) => [tier, tolerance])).toEqual([
      ['Low exposure', '120'],
      ['Standard exposure', '80'],
      ['Critical exposure', '40'],
    ]);
    expect(cells[0]![2]).toBe('Threat model not readable; Suspicious mitigation task; Risk acceptance expired');
    expect(cells[2]![2]).toBe('every kind');

    const tolerance = screen.getByLabelText('Risk tolerance');
    expect(tolerance.getAttribute('placeholder')).toBe("80 (the tier's default)");
    await user.type(tolerance, 'lots');
    expect(screen.getByText(/The tolerance is a number from 0 to 25000/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true);
    await user.clear(tolerance);
    await user.type(tolerance, '90');
    await user.click(screen.getByLabelText('Exposure tier'));
    await user.click(await screen.findByRole('option', { name: /^Critical exposure/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Detective controls (alerts) lower residual risk' }));
    await user.click(screen.getByLabelText('Roles that may accept risk'));
    await user.click(await screen.findByRole('option', { name: 'Security champions' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(saved?.risk).toEqual({
        tier: 'critical',
        tolerance: 90,
        countDetective: true,
        accepterRoleIds: ['10003'],
      }),
    );
  });

  it('is read only, with the tier default named, for people who are not project administrators', async () => {
    const view: SettingsView = aSettingsView({ canEdit: false });
    fakeBridge.givenResolver('settings/get', () => ({ ok: true, data: view }));
    render(<ProjectSettings />);
    expect(await screen.findByText("Risk tolerance: 80 (the tier's default)")).toBeTruthy();
    expect(screen.getByText('Detective controls (alerts) do not lower residual risk.')).toBeTruthy();
    expect(screen.getByText('Project administrators only')).toBeTruthy();
  });
});
