import { fakeBridge } from './test-support/fake-bridge';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from './app';
import { aStoryView } from './test-support/story-view-mother';

afterEach(() => fakeBridge.reset());

describe('app', () => {
  it('renders the story panel for the story-panel module', async () => {
    fakeBridge.givenContext({ moduleKey: 'story-panel' });
    fakeBridge.givenResolver('story/get', () => ({ ok: true, data: aStoryView() }));

    render(<App />);

    expect(await screen.findByText('No WITHOUT clauses yet')).toBeTruthy();
  });

  it('renders the project page tabs, each coming soon, for the project-page module', async () => {
    fakeBridge.givenContext({ moduleKey: 'project-page' });

    render(<App />);

    const tabs = await screen.findAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Threat model', 'Sprint planning', 'Audit']);
    expect(screen.getByText('Coming soon')).toBeTruthy();

    await userEvent.click(screen.getByRole('tab', { name: 'Audit' }));
    expect(screen.getByText('Audit will appear here.')).toBeTruthy();
  });

  it('says so when the module is not one this app knows', async () => {
    fakeBridge.givenContext({ moduleKey: 'sprint-action' });

    render(<App />);

    expect(await screen.findByText('Nothing to show here')).toBeTruthy();
    expect(screen.getByText(/no view for the module “sprint-action”/)).toBeTruthy();
  });
});
