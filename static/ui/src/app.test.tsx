import { fakeBridge } from './test-support/fake-bridge';
import { sprintHost } from './sprint/test-support/sprint-host-bridge';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from './app';
import { aThreatModel } from './threat-model/test-support/threat-model-mother';
import { aStoryView } from './test-support/story-view-mother';
import { aSettingsView } from './settings/test-support/settings-view-mother';
import { anAuditView } from './audit/test-support/audit-view-mother';
import { aMonitoringView } from './monitoring/test-support/monitoring-view-mother';
import { aSprintChoice, aSprintPlan, okPlan } from './sprint/test-support/sprint-plan-mother';
import { serveThreatModel } from './threat-model/test-support/given-threat-model';

afterEach(() => sprintHost.reset());

describe('app', () => {
  it('renders the story panel for the story-panel module', async () => {
    fakeBridge.givenContext({ moduleKey: 'story-panel' });
    fakeBridge.givenResolver('story/get', () => ({ ok: true, data: aStoryView() }));

    render(<App />);

    expect(await screen.findByText('No WITHOUT clauses yet')).toBeTruthy();
  });

  it('renders the read-only story context for the story-context module (jira:issueContext)', async () => {
    fakeBridge.givenContext({ moduleKey: 'story-context' });
    fakeBridge.givenResolver('story/get', () => ({ ok: true, data: aStoryView() }));

    render(<App />);

    expect(await screen.findByText(/No WITHOUT clauses yet\. Add them in the story/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('renders the project page tabs for the project-page module: the threat model, sprint planning, the audit, and monitoring', async () => {
    fakeBridge.givenContext({ moduleKey: 'project-page' });
    serveThreatModel(() => ({ ok: true, data: aThreatModel({ canEdit: false }) }));
    fakeBridge.answer('sprint/list', () => ({
      ok: true,
      data: [aSprintChoice(4, { name: 'Sprint 4', state: 'active' })],
    }));
    fakeBridge.answer('sprint/get', () => okPlan(aSprintPlan()));

    render(<App />);

    const tabs = await screen.findAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual([
      'Threat model',
      'Sprint planning',
      'Audit',
      'Monitoring',
      'Verification',
      'Compliance',
      'Import / export',
    ]);
    expect(await screen.findByText('No threats yet')).toBeTruthy();
    // A tab's content loads when the tab is first opened.
    expect(fakeBridge.invocationsOf('sprint/list')).toEqual([]);

    await userEvent.click(screen.getByRole('tab', { name: 'Sprint planning' }));
    expect(await screen.findByRole('heading', { name: 'Sprint 4' })).toBeTruthy();
    expect(screen.getByLabelText('Sprint')).toBeTruthy();
    expect(fakeBridge.payloadsOf('sprint/get')).toEqual([{ sprintId: 4 }]);

    fakeBridge.answer('audit/get', () => ({ ok: true, data: anAuditView() }));
    await userEvent.click(screen.getByRole('tab', { name: 'Audit' }));
    expect(await screen.findByText('This project has not been audited yet.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Run audit' })).toBeTruthy();

    fakeBridge.answer('monitoring/get', () => ({ ok: true, data: aMonitoringView() }));
    await userEvent.click(screen.getByRole('tab', { name: 'Monitoring' }));
    expect(await screen.findByRole('region', { name: 'T-13 Card data disclosed in transit or at rest' })).toBeTruthy();
  });

  it('renders the sprint plan of the context sprint for the sprint-security module, and closes the modal', async () => {
    fakeBridge.givenContext({
      moduleKey: 'sprint-security',
      extension: {
        type: 'jira:sprintAction',
        sprint: { id: 4 },
        board: { id: 1 },
        project: { id: '10000', key: 'PAY', type: 'software' },
      },
    });
    fakeBridge.answer('sprint/get', () => okPlan(aSprintPlan()));

    render(<App />);

    expect((await screen.findByTestId('sprint-risk')).textContent).toBe('Risk now 35 → after this sprint 32');
    // The backend reads the sprint from the context: the UI sends no id of its own.
    expect(fakeBridge.payloadsOf('sprint/get')).toEqual([{}]);

    await userEvent.click(screen.getByRole('button', { name: 'Close' }));

    expect(sprintHost.callsOf('close')).toHaveLength(1);
  });

  it('renders the project settings for the project-settings module', async () => {
    fakeBridge.givenContext({ moduleKey: 'project-settings' });
    fakeBridge.givenResolver('settings/get', () => ({ ok: true, data: aSettingsView() }));

    render(<App />);

    expect(await screen.findByText('Who can edit the threat model')).toBeTruthy();
  });

  it('renders the WITHOUT clauses custom field for the without-clauses module', async () => {
    fakeBridge.givenContext({
      moduleKey: 'without-clauses',
      extension: {
        type: 'jira:customField',
        fieldId: 'customfield_10100',
        fieldType: 'object',
        fieldValue: { clauses: [{ id: 'c1', text: 'having my card data stolen', threatIds: ['T-1'] }], revision: 1 },
        renderContext: 'issue-view',
        entryPoint: 'view',
        issue: { id: '10042', key: 'PAY-42' },
        project: { id: '10000', key: 'PAY' },
      },
    });

    render(<App />);

    expect((await screen.findByRole('listitem')).textContent).toBe('WITHOUT having my card data stolen T-1');
  });

  it('says so when the module is not one this app knows', async () => {
    fakeBridge.givenContext({ moduleKey: 'sprint-action' });

    render(<App />);

    expect(await screen.findByText('Nothing to show here')).toBeTruthy();
    expect(screen.getByText(/no view for the module “sprint-action”/)).toBeTruthy();
  });
});
