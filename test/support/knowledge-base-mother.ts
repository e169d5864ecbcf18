import { KB_FORMAT, type KnowledgeBaseInput } from '../../src/domain/knowledge-base/knowledge-base';

/** A small knowledge base in the app's own format, as a team would upload it: one card threat, one mitigation. */
export const aTeamKnowledgeBase = ({
  id = 'payments-team',
  name = 'Payments team threats',
  version = '1',
  title = 'Card numbers leak from the checkout',
} = {}): KnowledgeBaseInput => ({
  format: KB_FORMAT,
  id,
  name,
  version,
  source: { format: 'without' },
  threats: [
    {
      id: 'PT-1',
      title,
      stride: ['I'],
      probability: 4,
      impact: 5,
      top: true,
      appliesWhen: { words: ['card'] },
      detectionEvents: [],
    },
  ],
  mitigations: [
    { id: 'PM-1', title: 'Tokenise card numbers', addresses: [{ threatId: 'PT-1', strength: 75 }], top: true },
  ],
});
