import { fakeBridge } from '../test-support/fake-bridge';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fail, ok } from '../../../../src/domain/common/envelope';
import { aMitigationView, aTask, aTaskView } from '../test-support/mitigation-view-mother';
import { aStoryView } from '../test-support/story-view-mother';
import { aThreatView } from '../test-support/threat-view-mother';
import { StoryContext } from './story-context';

const LOGS = aThreatView('T-1', { title: 'Card data read from logs', probability: 3, impact: 4 }); // High 12
const SKIMMING = aThreatView('T-2', { title: 'Card skimming script on checkout', probability: 4, impact: 5 });

afterEach(() => fakeBridge.reset());

describe('the issue context on every issue', () => {
  it("shows a story's clauses with their threats and the risk left per threat, without edit controls", async () => {
    fakeBridge.answer('story/get', () =>
      ok(
        aStoryView({
          clauses: [
            { id: 'c1', text: 'having my card data stolen', threatIds: ['T-1'] },
            { id: 'c2', text: 'being charged twice', threatIds: [] },
          ],
          directThreatIds: ['T-2'],
          threats: { 'T-1': LOGS, 'T-2': SKIMMING },
          risk: {
            'T-1': { residual: 3, planned: 3, fullyMitigated: false },
            'T-2': { residual: 20, planned: 5, fullyMitigated: false },
          },
        }),
      ),
    );
    render(<StoryContext />);
    const clauses = await screen.findByRole('list', { name: 'WITHOUT clauses' });
    expect(
      within(clauses)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      expect.stringContaining('WITHOUT having my card data stolen'),
      expect.stringContaining('Linked to no threat yet'),
    ]);
    const risk = screen.getByRole('list', { name: 'Risk left per threat' });
    expect(
      within(risk)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'T-1Card data read from logsResidual 3 of 12',
      'T-2Card skimming script on checkoutResidual 20 of 20 · 5 once planned work is done',
    ]);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('says where to add clauses when the story has none', async () => {
    fakeBridge.answer('story/get', () => ok(aStoryView()));
    render(<StoryContext />);
    expect(await screen.findByText(/No WITHOUT clauses yet/)).toBeTruthy();
  });

  it('shows why a mitigation task exists: its mitigation and the threats it lowers', async () => {
    const mitigation = aMitigationView('M-3', {
      title: 'Mask card numbers in logs',
      addresses: [{ threatId: 'T-1', strength: 75 }],
      status: 'in-progress',
      task: aTask('SHOP-9', { statusName: 'In Progress', categoryKey: 'indeterminate' }),
    });
    fakeBridge.answer('story/get', () =>
      ok(
        aStoryView({
          issueKey: 'SHOP-9',
          task: aTaskView(mitigation, [{ ...LOGS, risk: { residual: 3, planned: 3, fullyMitigated: false } }]),
        }),
      ),
    );
    render(<StoryContext />);
    expect(await screen.findByText(/Mask card numbers in logs/)).toBeTruthy();
    const threats = screen.getByRole('list', { name: 'Threats it mitigates' });
    expect(within(threats).getByText('Card data read from logs')).toBeTruthy();
    expect(within(threats).getByText('Residual 3 of 12')).toBeTruthy();
  });

  it('offers Try again when the story cannot be read, and shows it once it can', async () => {
    let calls = 0;
    fakeBridge.answer('story/get', () =>
      ++calls === 1
        ? fail('JIRA_UNAVAILABLE', 'Jira did not answer properly. Try again in a moment.')
        : ok(aStoryView()),
    );
    render(<StoryContext />);
    expect(await screen.findByText('Jira did not answer properly. Try again in a moment.')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/No WITHOUT clauses yet/)).toBeTruthy();
  });
});
