import { fakeBridge, hostBridge } from '../threat-model/test-support/host-bridge';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { type SettingsView, ThreatModelSettings } from '../../../../src/contract';
import { DEFAULT_STATUS_MAPPING } from '../../../../src/domain/mitigation/task-status';
import { ProjectSettings } from './project-settings';
import { aSettingsView } from './test-support/settings-view-mother';

function givenSettings(view: SettingsView): void {
  fakeBridge.answer('settings/get', () => ({ ok: true, data: view }));
}

function savesAnswering(): { saved: () => ThreatModelSettings | undefined } {
  let saved: ThreatModelSettings | undefined;
  fakeBridge.answer('settings/save', ({ settings }) => {
    saved = ThreatModelSettings.parse(settings);
    return { ok: true, data: aSettingsView({ settings: saved }) };
  });
  return { saved: () => saved };
}

async function renderSettings(view: SettingsView) {
  givenSettings(view);
  const user = userEvent.setup();
  render(<ProjectSettings />);
  await screen.findByText('Mitigation tasks');
  return user;
}

async function pick(user: UserEvent, label: string, option: string): Promise<void> {
  await user.click(screen.getByLabelText(label));
  await user.click(await screen.findByRole('option', { name: option }));
}

const overridesTable = () => within(screen.getByRole('table', { name: 'Mitigation status by task status' }));

afterEach(() => hostBridge.reset());

describe('project settings: mitigation tasks', () => {
  it('shows the issue type of new tasks and the status each category stands for', async () => {
    await renderSettings(aSettingsView());

    expect(screen.getByText('Task')).toBeTruthy();
    const categories = within(screen.getByRole('table', { name: 'Mitigation status by status category' }));
    expect(categories.getAllByRole('row').map((row) => row.textContent)).toEqual([
      'Task status categoryMitigation status',
      'To DoAccepted',
      'In ProgressIn progress',
      'DoneImplemented',
    ]);
    expect(screen.getByText(/No status overrides/)).toBeTruthy();
  });

  it('saves the issue type, the category mapping and a status override with the rest of the settings', async () => {
    const user = await renderSettings(aSettingsView());
    const { saved } = savesAnswering();

    await pick(user, 'Issue type of new tasks', 'Bug');
    await pick(user, 'Mitigation status for the In Progress category', 'Planned');
    await user.click(screen.getByRole('button', { name: 'Add a status override' }));
    expect(overridesTable().getAllByRole('row')).toHaveLength(2);
    expect(overridesTable().getByText('To Do')).toBeTruthy();
    await pick(user, 'Task status of override 1', 'In Review');
    await pick(user, 'Mitigation status for the In Review status', 'Implemented');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(saved()).toEqual({
        editorRoleIds: ['10002'],
        editorGroupIds: [],
        taskIssueTypeName: 'Bug',
        statusMapping: {
          byCategory: { new: 'accepted', indeterminate: 'planned', done: 'implemented' },
          byStatusName: { 'In Review': 'implemented' },
        },
        knowledgeBases: { active: ['web-and-api'], mode: 'top' },
        storyCoverage: { issueTypeNames: ['Story'], scopeJql: '' },
        risk: { tier: 'standard', tolerance: null, countDetective: false, accepterRoleIds: [] },
      }),
    );
    expect(fakeBridge.invocationsOf('settings/save')).toHaveLength(1);
    await waitFor(() =>
      expect(hostBridge.callsOf('showFlag')).toEqual([expect.objectContaining({ title: 'Settings saved' })]),
    );
  });

  it('starts a new override at what its category stands for, and offers each status once', async () => {
    const user = await renderSettings(aSettingsView());

    await user.click(screen.getByRole('button', { name: 'Add a status override' }));
    await user.click(screen.getByRole('button', { name: 'Add a status override' }));

    expect(
      overridesTable()
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual(['Task statusMitigation status', 'To DoAcceptedRemove', 'In ReviewIn progressRemove']);
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(false);
    await user.click(screen.getByLabelText('Task status of override 2'));
    expect((await screen.findAllByRole('option')).map((option) => option.textContent)).toEqual(['In Review', 'Done']);
  });

  it('removes an override, keeping one for a status the workflow no longer has', async () => {
    const mapping = {
      ...DEFAULT_STATUS_MAPPING,
      byStatusName: { 'In Review': 'implemented', Blocked: 'proposed' },
    } as const;
    const user = await renderSettings(
      aSettingsView({ settings: { ...aSettingsView().settings, statusMapping: mapping } }),
    );
    const { saved } = savesAnswering();
    expect(overridesTable().getByText('Blocked (not in the workflow)')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Remove the override for In Review' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(saved()?.statusMapping).toEqual({ ...DEFAULT_STATUS_MAPPING, byStatusName: { Blocked: 'proposed' } }),
    );
  });

  it('cannot add an override once every status has one', async () => {
    const statuses = [{ name: 'Open', categoryKey: 'new' as const }];
    const user = await renderSettings(aSettingsView({ statuses }));

    await user.click(screen.getByRole('button', { name: 'Add a status override' }));

    expect(screen.getByRole('button', { name: 'Add a status override' }).hasAttribute('disabled')).toBe(true);
  });

  it('keeps an issue type the project no longer has, named as such', async () => {
    await renderSettings(
      aSettingsView({ settings: { ...aSettingsView().settings, taskIssueTypeName: 'Security task' } }),
    );

    expect(screen.getByText('Security task (not in project PAY)')).toBeTruthy();
  });

  it('is read only for people who are not project administrators', async () => {
    const mapping = { ...DEFAULT_STATUS_MAPPING, byStatusName: { 'In Review': 'implemented' } } as const;
    await renderSettings(
      aSettingsView({ canEdit: false, settings: { ...aSettingsView().settings, statusMapping: mapping } }),
    );

    expect(screen.getByText('Issue type of new tasks')).toBeTruthy();
    expect(screen.getByText('Task')).toBeTruthy();
    expect(
      overridesTable()
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual(['Task statusMitigation status', 'In ReviewImplemented']);
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('button', { name: /override/ })).toBeNull();
  });
});
