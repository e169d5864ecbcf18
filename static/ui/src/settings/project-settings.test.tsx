import { fakeBridge, hostBridge } from '../threat-model/test-support/host-bridge';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { Envelope } from '../../../../src/domain/common/envelope';
import type { SettingsView, ThreatModelSettings } from '../../../../src/contract';
import { ProjectSettings } from './project-settings';
import { aSettingsView } from './test-support/settings-view-mother';
import { DEFAULT_STATUS_MAPPING } from '../../../../src/domain/mitigation/task-status';
import { DEFAULT_KNOWLEDGE_BASE_SETTINGS } from '../../../../src/domain/knowledge-base/knowledge-base-settings';
import { DEFAULT_STORY_COVERAGE_SETTINGS } from '../../../../src/domain/audit/story-coverage-settings';
import { DEFAULT_RISK_SETTINGS } from '../../../../src/domain/threat-model/risk-settings';

function givenSettings(view: SettingsView): void {
  fakeBridge.givenResolver('settings/get', () => ({ ok: true, data: view }) satisfies Envelope<SettingsView>);
}

async function pick(user: UserEvent, label: string, option: string): Promise<void> {
  await user.click(screen.getByLabelText(label));
  await user.click(await screen.findByRole('option', { name: option }));
}

afterEach(() => hostBridge.reset());

describe('project settings', () => {
  it('loads the settings and shows the project roles and groups that may edit', async () => {
    givenSettings(
      aSettingsView({
        settings: {
          editorRoleIds: ['10002'],
          editorGroupIds: ['g-appsec'],
          taskIssueTypeName: 'Task',
          statusMapping: DEFAULT_STATUS_MAPPING,
          knowledgeBases: DEFAULT_KNOWLEDGE_BASE_SETTINGS,
          storyCoverage: DEFAULT_STORY_COVERAGE_SETTINGS,
          risk: DEFAULT_RISK_SETTINGS,
        },
      }),
    );

    render(<ProjectSettings />);

    expect(await screen.findByText('Who can edit the threat model')).toBeTruthy();
    expect(fakeBridge.invocationsOf('settings/get')).toEqual([{ functionKey: 'settings/get', payload: {} }]);
    expect(screen.getByLabelText('Project roles')).toBeTruthy();
    expect(screen.getByText('Developers')).toBeTruthy();
    expect(screen.getByText('appsec')).toBeTruthy();
    expect(screen.queryByText('Security champions')).toBeNull();
    expect(screen.getByText(/Administrators of project PAY can always edit its threat model/)).toBeTruthy();
  });

  it('saves the picked roles and groups, and flags success', async () => {
    givenSettings(aSettingsView());
    let saved: ThreatModelSettings | undefined;
    fakeBridge.givenResolver('settings/save', (payload) => {
      saved = (payload as { settings: ThreatModelSettings }).settings;
      return { ok: true, data: aSettingsView({ settings: saved }) };
    });
    const user = userEvent.setup();
    render(<ProjectSettings />);
    await screen.findByText('Who can edit the threat model');
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true);

    await pick(user, 'Project roles', 'Security champions');
    await pick(user, 'Groups', 'appsec');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(saved).toEqual({
        editorRoleIds: ['10002', '10003'],
        editorGroupIds: ['g-appsec'],
        taskIssueTypeName: 'Task',
        statusMapping: DEFAULT_STATUS_MAPPING,
        knowledgeBases: DEFAULT_KNOWLEDGE_BASE_SETTINGS,
        storyCoverage: DEFAULT_STORY_COVERAGE_SETTINGS,
        risk: DEFAULT_RISK_SETTINGS,
      }),
    );
    expect(fakeBridge.invocationsOf('settings/save')).toHaveLength(1);
    await waitFor(() =>
      expect(hostBridge.callsOf('showFlag')).toEqual([
        expect.objectContaining({ title: 'Settings saved', type: 'success' }),
      ]),
    );
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true);
  });

  it('removes a role and can discard the change', async () => {
    givenSettings(aSettingsView());
    const user = userEvent.setup();
    render(<ProjectSettings />);
    await screen.findByText('Developers');

    await user.click(screen.getByRole('button', { name: 'Remove Developers' }));
    expect(screen.queryByText('Developers')).toBeNull();
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(screen.getByText('Developers')).toBeTruthy();
    expect(fakeBridge.invocationsOf('settings/save')).toEqual([]);
  });

  it('shows a failed save and keeps the picks', async () => {
    givenSettings(aSettingsView());
    fakeBridge.givenResolver('settings/save', () => ({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Only project administrators can change these settings.' },
    }));
    const user = userEvent.setup();
    render(<ProjectSettings />);
    await screen.findByText('Developers');

    await pick(user, 'Groups', 'qa');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Only project administrators can change these settings.')).toBeTruthy();
    expect(screen.getByText('Could not save the settings')).toBeTruthy();
    expect(screen.getByText('qa')).toBeTruthy();
    expect(hostBridge.callsOf('showFlag')).toEqual([]);
  });

  it('keeps a stored role Jira no longer lists, named as unknown', async () => {
    givenSettings(
      aSettingsView({
        settings: {
          editorRoleIds: ['10002', '10999'],
          editorGroupIds: [],
          taskIssueTypeName: 'Task',
          statusMapping: DEFAULT_STATUS_MAPPING,
          knowledgeBases: DEFAULT_KNOWLEDGE_BASE_SETTINGS,
          storyCoverage: DEFAULT_STORY_COVERAGE_SETTINGS,
          risk: DEFAULT_RISK_SETTINGS,
        },
      }),
    );

    render(<ProjectSettings />);

    expect(await screen.findByText('Unknown role (10999)')).toBeTruthy();
  });

  it('is read only, with the reason, for people who are not project administrators', async () => {
    givenSettings(
      aSettingsView({
        canEdit: false,
        settings: {
          editorRoleIds: ['10002', '10003'],
          editorGroupIds: [],
          taskIssueTypeName: 'Task',
          statusMapping: DEFAULT_STATUS_MAPPING,
          knowledgeBases: DEFAULT_KNOWLEDGE_BASE_SETTINGS,
          storyCoverage: DEFAULT_STORY_COVERAGE_SETTINGS,
          risk: DEFAULT_RISK_SETTINGS,
        },
      }),
    );

    render(<ProjectSettings />);

    expect(await screen.findByText('Developers, Security champions')).toBeTruthy();
    expect(screen.getByText('No groups')).toBeTruthy();
    expect(screen.getByText('Only administrators of project PAY can change these settings.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('shows a load error with Try again', async () => {
    const answers: Envelope<SettingsView>[] = [
      {
        ok: false,
        error: { code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer in time. Try again in a minute.' },
      },
      { ok: true, data: aSettingsView() },
    ];
    fakeBridge.givenResolver('settings/get', () => answers.shift());
    const user = userEvent.setup();
    render(<ProjectSettings />);

    expect(await screen.findByText('Jira did not answer in time. Try again in a minute.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByText('Developers')).toBeTruthy();
    expect(fakeBridge.invocationsOf('settings/get')).toHaveLength(2);
  });
});
