import { fakeBridge } from '../test-support/fake-bridge';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Envelope } from '../../../../src/domain/common/envelope';
import type { KbSuggestionsView, StoryView, ThreatSuggestionView } from '../../../../src/contract';
import { aStoryView } from '../test-support/story-view-mother';
import { aMitigationView, aTask } from '../test-support/mitigation-view-mother';
import { aThreatView } from '../test-support/threat-view-mother';
import { StoryPanel } from './story-panel';

const CARD = { id: 'c1', text: 'having my card data stolen', threatIds: [] };
const OTHER = { id: 'c2', text: 'anyone else paying with my card', threatIds: [] };
const SUGGESTION: ThreatSuggestionView = {
  knowledgeBaseId: 'web-and-api',
  knowledgeBaseName: 'Web applications and APIs',
  templateId: 'WEB-I-01',
  title: 'Card data disclosed in transit or at rest',
  description: '',
  stride: ['I'],
  severity: { score: 15, band: 'High' },
  reasons: ['summary mentions "credit card"'],
  generic: false,
  matchedClauseIds: [],
  mitigations: [{ templateId: 'WEB-M-31', title: 'Keep card data away from our systems', strength: 75, top: true }],
};
/** A suggestion of the Microsoft TMT template, ranked below the card one. */
const tmt = (templateId: string, overrides: Partial<ThreatSuggestionView> = {}): ThreatSuggestionView => ({
  ...SUGGESTION,
  knowledgeBaseId: 'sdl-tm-knowledge-base-core',
  knowledgeBaseName: 'SDL TM Knowledge Base (Core)',
  templateId,
  title: `TMT threat ${templateId}`,
  severity: { score: 9, band: 'Medium' },
  reasons: ['description mentions "service"'],
  mitigations: [],
  ...overrides,
});
/** Picks an option of an @atlaskit select the way a person does: open it, click the option. */
async function pick(user: ReturnType<typeof userEvent.setup>, item: HTMLElement, option: string) {
  await user.click(within(item).getByLabelText('Link to'));
  await user.click(await screen.findByRole('option', { name: option }));
}
const suggestions = (list: ThreatSuggestionView[]): Envelope<KbSuggestionsView> => ({
  ok: true,
  data: { mode: 'top', suggestions: list, knowledgeBases: ['Web applications and APIs'], problems: [] },
});

async function open(story: StoryView, list: ThreatSuggestionView[] = [SUGGESTION]) {
  fakeBridge.givenResolver('story/get', () => ({ ok: true, data: story }));
  fakeBridge.givenResolver('knowledge-base/suggest', () => suggestions(list));
  const user = userEvent.setup();
  render(<StoryPanel />);
  await user.click(await screen.findByRole('button', { name: 'Suggest threats' }));
  return user;
}

afterEach(() => fakeBridge.reset());

describe('suggest threats', () => {
  it('shows a suggestion with its severity, STRIDE, why it matched and mitigations; TOP first, Full on request', async () => {
    const user = await open(aStoryView({ clauses: [CARD], canEdit: true, canEditThreatModel: true }));
    const item = await screen.findByTestId('suggestion-WEB-I-01');
    expect(within(item).getByText('High 15')).toBeTruthy();
    expect(within(item).getByText('From Web applications and APIs · STRIDE: I (Information disclosure)')).toBeTruthy();
    expect(within(item).getByText('Why it matched: summary mentions "credit card"')).toBeTruthy();
    expect(within(item).getByText('Keep card data away from our systems')).toBeTruthy();
    // First the project's default list (no mode: the answer says which); then what the person picks.
    expect(fakeBridge.payloadsOf('knowledge-base/suggest')).toEqual([{}]);
    expect(screen.getByRole('button', { name: 'TOP' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Full' }));
    expect(await screen.findByTestId('suggestion-WEB-I-01')).toBeTruthy();
    expect(fakeBridge.payloadsOf('knowledge-base/suggest')).toEqual([{}, { mode: 'full' }]);
  });

  it('shows the project default when it is Full, and says when no knowledge base is active', async () => {
    fakeBridge.givenResolver('story/get', () => ({ ok: true, data: aStoryView({ clauses: [CARD] }) }));
    fakeBridge.givenResolver('knowledge-base/suggest', () => ({
      ok: true,
      data: { mode: 'full', suggestions: [], knowledgeBases: [], problems: [] },
    }));
    const user = userEvent.setup();
    render(<StoryPanel />);
    await user.click(await screen.findByRole('button', { name: 'Suggest threats' }));
    expect(await screen.findByText(/No knowledge base is active in this project/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Full' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('adds and links to the chosen clause, with the story’s revision, and shows the answer', async () => {
    const before = aStoryView({ clauses: [CARD, OTHER], revision: 3, canEdit: true, canEditThreatModel: true });
    const proposed = ['M-20', 'M-21', 'M-22', 'M-23'].map((id) =>
      aMitigationView(id, { addresses: [{ threatId: 'T-13', strength: 50 }], status: 'proposed' }),
    );
    const after = {
      ...before,
      revision: 4,
      clauses: [CARD, { ...OTHER, threatIds: ['T-13'] }],
      threats: { 'T-13': aThreatView('T-13', { title: SUGGESTION.title }) },
      mitigations: proposed,
    };
    fakeBridge.givenResolver('knowledge-base/accept', () => ({ ok: true, data: after }));
    const user = await open(before);
    const item = await screen.findByTestId('suggestion-WEB-I-01');
    await pick(user, item, 'WITHOUT anyone else paying with my card');
    await user.click(within(item).getByRole('button', { name: `Add and link: ${SUGGESTION.title}` }));
    expect(
      await screen.findByText(`${SUGGESTION.title} is linked to this story, with its mitigations proposed.`),
    ).toBeTruthy();
    expect(fakeBridge.payloadsOf('knowledge-base/accept')).toEqual([
      { knowledgeBaseId: 'web-and-api', templateId: 'WEB-I-01', clauseId: 'c2', baseRevision: 3 },
    ]);
    // Four mitigations would start folded; the threat just linked shows them for review.
    expect(screen.getByRole('button', { name: 'Mitigations of T-13 (4)' }).getAttribute('aria-expanded')).toBe('true');
    expect(within(screen.getByRole('list', { name: 'Mitigations of T-13' })).getAllByRole('listitem')).toHaveLength(4);
  });

  it('names the knowledge base of each suggestion', async () => {
    await open(aStoryView({ clauses: [CARD] }), [SUGGESTION, tmt('S1')]);
    expect(
      within(await screen.findByTestId('suggestion-S1')).getByText(/From SDL TM Knowledge Base \(Core\)/),
    ).toBeTruthy();
    expect(within(screen.getByTestId('suggestion-WEB-I-01')).getByText(/From Web applications and APIs/)).toBeTruthy();
  });

  it('shows the best ten in the order given, "Show more" the next ten, and folds the generic ones away', async () => {
    const ranked = Array.from({ length: 23 }, (_, i) => tmt(`M${i + 1}`));
    const generic = [tmt('SU', { generic: true, reasons: ['applies to every story'] }), tmt('TU', { generic: true })];
    const user = await open(aStoryView({ clauses: [CARD] }), [...ranked, ...generic]);
    const list = await screen.findByRole('list', { name: 'Suggested threats' });
    const shown = () =>
      within(list)
        .getAllByRole('listitem', { hidden: false })
        .filter((li) => li.parentElement?.parentElement === list);
    await waitFor(() =>
      expect(shown().map((li) => li.getAttribute('data-testid'))).toEqual(
        ranked.slice(0, 10).map((s) => `suggestion-${s.templateId}`),
      ),
    );
    expect(screen.getByText(/23 matches, the best first/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Show more (13 left)' }));
    expect(shown()).toHaveLength(20);
    await user.click(screen.getByRole('button', { name: 'Show more (3 left)' }));
    expect(shown()).toHaveLength(23);
    expect(screen.queryByRole('button', { name: /Show more/ })).toBeNull();

    expect(screen.queryByTestId('suggestion-SU')).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Show 2 generic suggestions' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    // Last, after every specific match, and marked as generic.
    expect(
      shown()
        .slice(-2)
        .map((li) => li.getAttribute('data-testid')),
    ).toEqual(['suggestion-SU', 'suggestion-TU']);
    expect(within(screen.getByTestId('suggestion-SU')).getByText('Generic')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Hide generic suggestions' }));
    expect(screen.queryByTestId('suggestion-SU')).toBeNull();
  });

  it('sends the ids of the tasks the view shows, which the backend reads with the story', async () => {
    const withTask = (id: string, key: string) =>
      aMitigationView(id, { task: aTask(key, { id }), addresses: [{ threatId: 'T-1', strength: 50 }] });
    const before = aStoryView({
      clauses: [{ ...CARD, threatIds: ['T-1'] }],
      threats: { 'T-1': aThreatView('T-1') },
      mitigations: [withTask('10020', 'PAY-21'), aMitigationView('M-2'), withTask('10031', 'PAY-32')],
      revision: 5,
      canEdit: true,
      canEditThreatModel: true,
    });
    fakeBridge.givenResolver('knowledge-base/accept', () => ({ ok: true, data: before }));
    const user = await open(before, [{ ...SUGGESTION, matchedClauseIds: ['c1'] }]);
    const item = await screen.findByTestId('suggestion-WEB-I-01');
    await user.click(within(item).getByRole('button', { name: `Add and link: ${SUGGESTION.title}` }));
    await waitFor(() =>
      expect(fakeBridge.payloadsOf('knowledge-base/accept')).toEqual([
        {
          knowledgeBaseId: 'web-and-api',
          templateId: 'WEB-I-01',
          clauseId: 'c1',
          baseRevision: 5,
          taskIds: ['10020', '10031'],
        },
      ]),
    );
  });

  it('"Link to" starts at the clause the suggestion matched, and links there without a choice', async () => {
    const before = aStoryView({ clauses: [OTHER, CARD], revision: 2, canEdit: true, canEditThreatModel: true });
    fakeBridge.givenResolver('knowledge-base/accept', () => ({ ok: true, data: before }));
    const user = await open(before, [{ ...SUGGESTION, matchedClauseIds: ['c1'] }, tmt('S1', { matchedClauseIds: [] })]);
    const card = await screen.findByTestId('suggestion-WEB-I-01');
    expect(within(card).getByText('WITHOUT having my card data stolen')).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: `Add and link: ${SUGGESTION.title}` }));
    await waitFor(() =>
      expect(fakeBridge.payloadsOf('knowledge-base/accept')).toEqual([
        { knowledgeBaseId: 'web-and-api', templateId: 'WEB-I-01', clauseId: 'c1', baseRevision: 2 },
      ]),
    );
    // Not the first clause for every suggestion: one that matched no clause asks.
    const other = screen.getByTestId('suggestion-S1');
    expect(within(other).getByText('Choose a clause…')).toBeTruthy();
    expect(within(other).queryByText('WITHOUT anyone else paying with my card')).toBeNull();
  });

  it('asks for the clause when the suggestion matched none or several, and sends nothing until one is chosen', async () => {
    const before = aStoryView({ clauses: [CARD, OTHER], revision: 1, canEdit: true, canEditThreatModel: true });
    fakeBridge.givenResolver('knowledge-base/accept', () => ({ ok: true, data: before }));
    const user = await open(before, [{ ...SUGGESTION, matchedClauseIds: ['c1', 'c2'] }]);
    const item = await screen.findByTestId('suggestion-WEB-I-01');
    expect(within(item).getByText(/It matched 2 of the story’s clauses: choose the one it threatens/)).toBeTruthy();
    await user.click(within(item).getByRole('button', { name: `Add and link: ${SUGGESTION.title}` }));
    expect((await within(item).findByRole('alert')).textContent).toBe(
      'Choose the clause to link it to, or a new clause for this threat.',
    );
    expect(document.activeElement).toBe(within(item).getByLabelText('Link to'));
    expect(fakeBridge.payloadsOf('knowledge-base/accept')).toEqual([]);
    await pick(user, item, 'A new clause for this threat');
    await user.click(within(item).getByRole('button', { name: `Add and link: ${SUGGESTION.title}` }));
    await waitFor(() =>
      expect(fakeBridge.payloadsOf('knowledge-base/accept')).toEqual([
        { knowledgeBaseId: 'web-and-api', templateId: 'WEB-I-01', baseRevision: 1 },
      ]),
    );
  });

  it('shows an error of the accept in place', async () => {
    fakeBridge.givenResolver('knowledge-base/accept', () => ({
      ok: false,
      error: { code: 'CONFLICT', message: 'Someone else changed it.' },
    }));
    const user = await open(aStoryView({ clauses: [], canEdit: true, canEditThreatModel: true }));
    const item = await screen.findByTestId('suggestion-WEB-I-01');
    await user.click(within(item).getByRole('button', { name: `Add and link: ${SUGGESTION.title}` }));
    expect((await within(item).findByRole('alert')).textContent).toBe('Someone else changed it.');
    expect(fakeBridge.payloadsOf('knowledge-base/accept')).toEqual([
      { knowledgeBaseId: 'web-and-api', templateId: 'WEB-I-01', baseRevision: 0 },
    ]);
  });

  it('shows suggestions without the action to those who may not edit the threat model, and says so', async () => {
    await open(aStoryView({ clauses: [CARD], canEdit: true, canEditThreatModel: false }));
    await screen.findByTestId('suggestion-WEB-I-01');
    expect(screen.getByText(/Adding one takes permission/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Add and link/ })).toBeNull();
  });

  it('says when nothing matches', async () => {
    await open(aStoryView({ clauses: [] }), []);
    expect(
      await screen.findByText('No TOP threats match this story. Try Full for the whole knowledge base.'),
    ).toBeTruthy();
  });
});
