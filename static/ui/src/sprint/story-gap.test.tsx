import { fakeBridge, sprintHost } from './test-support/sprint-host-bridge';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SprintStory } from '../../../../src/contract';
import { SprintPlan } from './sprint-plan';
import { aSprintPlan, okPlan } from './test-support/sprint-plan-mother';
import { aSuggestion, someSuggestions } from '../test-support/suggestion-mother';

afterEach(() => sprintHost.reset());

const RESET: SprintStory = {
  issueId: '10004',
  issueKey: 'PAY-5',
  summary: 'Reset my password by email',
  statusName: 'To Do',
  clauses: [],
  directThreatIds: [],
  counted: true,
  needsModeling: { threats: 1, severity: 'High', reasons: ['summary mentions "password"'] },
};

describe('sprint plan: stories that need WITHOUT clauses', () => {
  it('counts them as gaps with the words that matched, shows the coverage, and suggests threats in one click', async () => {
    const plan = aSprintPlan();
    fakeBridge.answer('sprint/get', () =>
      okPlan({
        ...plan,
        stories: [...plan.stories, RESET],
        warnings: [
          ...plan.warnings,
          {
            kind: 'story-needs-threat-modeling',
            storyKey: 'PAY-5',
            message: 'PAY-5 has no WITHOUT clause, but 1 threat of the knowledge base apply to it (High).',
          },
        ],
        coverage: { withClauses: 2, needing: 3 },
      }),
    );
    fakeBridge.answer('knowledge-base/suggest', () => ({
      ok: true,
      data: someSuggestions([
        aSuggestion(),
        aSuggestion({
          knowledgeBaseId: 'sdl-tm-knowledge-base-core',
          knowledgeBaseName: 'SDL TM Knowledge Base (Core)',
          templateId: 'SU',
          title: 'Spoofing (v3)',
          severity: { score: 9, band: 'Medium' },
          reasons: ['applies to every story'],
          generic: true,
        }),
      ]),
    }));
    const user = userEvent.setup();
    render(<SprintPlan sprintId={plan.sprint.id} />);

    expect((await screen.findByTestId('sprint-coverage')).textContent).toBe(
      'Coverage: 66% — 2 of 3 stories in this sprint that need WITHOUT clauses have them.',
    );
    const gaps = within(screen.getByRole('list', { name: 'Sprint warnings' }));
    expect(gaps.getByText('Matched: summary mentions "password"')).toBeTruthy();
    await user.click(gaps.getByRole('button', { name: 'Suggest threats for PAY-5' }));

    const list = within(await screen.findByRole('list', { name: 'Suggested threats for PAY-5' }));
    expect(list.getByText('Account takeover by credential stuffing')).toBeTruthy();
    // Each names its knowledge base; the catch-all is folded away until asked for.
    expect(list.getByText(/Web applications and APIs/)).toBeTruthy();
    expect(list.queryByText('Spoofing (v3)')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show 1 generic suggestion' }));
    expect(list.getByText('Spoofing (v3)')).toBeTruthy();
    expect(list.getByText(/SDL TM Knowledge Base \(Core\) · generic/)).toBeTruthy();
    expect(fakeBridge.payloadsOf('knowledge-base/suggest')).toEqual([{ issueKey: 'PAY-5' }]);
    expect(within(screen.getByTestId('story-PAY-5')).getByText(/it needs threat modeling/)).toBeTruthy();
  });
});
