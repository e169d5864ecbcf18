import { fakeBridge } from './test-support/fake-bridge';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from './app';
import { aThreatModel } from './project-page/test-support/threat-model-mother';
import { aStoryView } from './test-support/story-view-mother';
import { aSettingsView } from './project-settings/test-support/settings-view-mother';

afterEach(() => fakeBridge.reset());

describe('app', () => {
  it('renders the story panel for the story-panel module', async () => {
    fakeBridge.givenContext({ moduleKey: 'story-panel' });
    fakeBridge.givenResolver('story/get', () => ({ ok: true, data: aStoryView() }));

    render(<App />);

    expect(await screen.findByText('No WITHOUT clauses yet')).toBeTruthy();
  });

  it('renders the project page tabs for the project-page module: the threat model, then two coming soon', async () => {
    fakeBridge.givenContext({ moduleKey: 'project-page' });
    fakeBridge.givenResolver('threat-model/get', () => ({ ok: true, data: aThreatModel({ canEdit: false }) }));

    render(<App />);

    const tabs = await screen.findAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Threat model', 'Sprint planning', 'Audit']);
    expect(await screen.findByText('No threats yet')).toBeTruthy();

    await userEvent.click(screen.getByRole('tab', { name: 'Audit' }));
    expect(screen.getByText('Audit will appear here.')).toBeTruthy();
    expect(screen.getByText('Coming soon')).toBeTruthy();
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
