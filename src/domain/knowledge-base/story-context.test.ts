import { addThreat, emptyThreatModel } from '../threat-model/threat-model';
import { storyContextOf } from './story-context';

const actor = { accountId: '712020:alice', now: '2026-03-01T09:00:00.000Z' };
const draft = {
  title: 'Card data stolen',
  description: '',
  component: '',
  stride: ['I' as const],
  probability: 4,
  impact: 5,
};

describe('a story as knowledge-base rules see it', () => {
  it('has its fields, its clause texts, and the templates of the threats it links', () => {
    const manual = addThreat(emptyThreatModel(), draft, actor);
    const { model } = addThreat(manual.model, draft, actor, {
      kind: 'knowledge-base',
      knowledgeBaseId: 'web-and-api',
      templateId: 'card-theft',
      version: '1',
    });
    const story = {
      issueType: 'Story',
      labels: ['payments'],
      components: ['API'],
      summary: 'Pay by card',
      description: 'Checkout',
      clausesValue: { clauses: [{ id: 'c1', text: 'card data stolen', threatIds: ['T-1'] }], directThreatIds: ['T-2'] },
    };
    expect(storyContextOf(story, model)).toEqual({
      issueType: 'Story',
      labels: ['payments'],
      components: ['API'],
      summary: 'Pay by card',
      description: 'Checkout',
      clauses: ['card data stolen'],
      clauseIds: ['c1'],
      linkedThreats: [{ id: 'T-1' }, { id: 'T-2', templateId: 'card-theft' }],
    });
  });

  it('has no clauses when the stored value cannot be read', () => {
    const story = { issueType: 'Bug', labels: [], components: [], summary: '', description: '', clausesValue: 'x' };
    expect(storyContextOf(story, emptyThreatModel())).toMatchObject({ clauses: [], linkedThreats: [] });
  });
});
