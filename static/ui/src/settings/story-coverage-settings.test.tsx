import { fakeBridge, hostBridge } from '../threat-model/test-support/host-bridge';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ThreatModelSettings } from '../../../../src/contract';
import { ProjectSettings } from './project-settings';
import { aSettingsView } from './test-support/settings-view-mother';

async function renderSettings() {
  fakeBridge.answer('settings/get', () => ({ ok: true, data: aSettingsView() }));
  const user = userEvent.setup();
  render(<ProjectSettings />);
  await screen.findByText('Stories that need WITHOUT clauses');
  return user;
}

afterEach(() => hostBridge.reset());

describe('project settings: stories that need WITHOUT clauses', () => {
  it('refuses a scope JQL that would reach beyond the project, with the reason, and keeps Save off', async () => {
    const user = await renderSettings();
    await user.type(screen.getByLabelText('Only stories this JQL finds (optional)'), 'labels = a) OR (project = OTHER');

    expect(await screen.findByText('The JQL closes a parenthesis it did not open.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true);
  });

  it('saves the issue types and the scope JQL with the rest of the settings', async () => {
    const user = await renderSettings();
    let saved: ThreatModelSettings | undefined;
    fakeBridge.answer('settings/save', ({ settings }) => {
      saved = ThreatModelSettings.parse(settings);
      return { ok: true, data: aSettingsView({ settings: saved }) };
    });
    await user.click(screen.getByLabelText('Issue types that are stories'));
    await user.click(await screen.findByRole('option', { name: 'Bug' }));
    await user.type(screen.getByLabelText('Only stories this JQL finds (optional)'), 'labels != spike');
    expect(screen.getByText(/Read as project = PAY AND \(your JQL\)/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(saved?.storyCoverage).toEqual({ issueTypeNames: ['Story', 'Bug'], scopeJql: 'labels != spike' }),
    );
  });
});
