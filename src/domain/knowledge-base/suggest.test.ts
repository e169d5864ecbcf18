import { aStoryContext } from './story-context-mother';
import { KnowledgeBase, type KnowledgeBaseInput, type ThreatTemplate } from './knowledge-base';
import { questionsForThreat, suggestThreats, templateChanges } from './suggest';

const story = aStoryContext;

// A small knowledge base whose every number is chosen to make the order and filters visible.
const shopKb = (): KnowledgeBase =>
  KnowledgeBase.parse({
    format: 'without-kb/1',
    id: 'shop',
    name: 'Shop',
    version: '3',
    source: { format: 'without' },
    threats: [
      {
        id: 'CARD',
        title: 'Card data stolen',
        stride: ['I'],
        probability: 3,
        impact: 5,
        top: true,
        component: 'data-store',
        appliesWhen: { words: ['card'] },
      },
      {
        id: 'PRICE',
        title: 'Price tampered',
        stride: ['T'],
        probability: 4,
        impact: 4,
        top: true,
        component: 'api',
        appliesWhen: { words: ['pay'] },
      },
      {
        id: 'BOTS',
        title: 'Bots buy everything',
        stride: ['D'],
        probability: 4,
        impact: 4,
        component: 'api',
        appliesWhen: { words: ['buy'] },
      },
      {
        id: 'LOGIN',
        title: 'Password guessed',
        stride: ['S'],
        probability: 5,
        impact: 5,
        top: true,
        component: 'identity',
        appliesWhen: { words: ['password'] },
      },
    ],
    mitigations: [
      { id: 'M-WEAK', title: 'Mask card numbers', addresses: [{ threatId: 'CARD', strength: 25 }] },
      {
        id: 'M-TOKEN',
        title: 'Tokenise cards',
        top: true,
        addresses: [
          { threatId: 'CARD', strength: 75 },
          { threatId: 'PRICE', strength: 25 },
        ],
      },
      { id: 'M-STRONG', title: 'Never touch card data', addresses: [{ threatId: 'CARD', strength: 100 }] },
    ],
    questions: [
      {
        id: 'Q-API-T',
        stride: 'T',
        topic: 'validation',
        componentKind: 'api',
        text: 'Is input validated?',
        why: 'Injection.',
      },
      {
        id: 'Q-API-I',
        stride: 'I',
        topic: 'encryption-in-transit',
        componentKind: 'api',
        text: 'Is TLS used?',
        why: 'Sniffing.',
      },
      {
        id: 'Q-UI-I',
        stride: 'I',
        topic: 'encryption-in-transit',
        componentKind: 'web-ui',
        text: 'Is the page HTTPS only?',
        why: 'Sniffing.',
      },
      {
        id: 'Q-UI-S',
        stride: 'S',
        topic: 'authentication',
        componentKind: 'web-ui',
        text: 'Is the page signed in?',
        why: 'Spoofing.',
      },
      {
        id: 'Q-API-S',
        stride: 'S',
        topic: 'authentication',
        componentKind: 'api',
        text: 'Are webhooks signed?',
        why: 'Forged events.',
        appliesWhen: { words: ['webhook'] },
      },
    ],
  } satisfies KnowledgeBaseInput);

const buyWithCard = story('As a buyer, I want to pay with my credit card so that I can buy goods');

describe('suggestThreats', () => {
  it('suggests the matching templates, most severe first, then by title', () => {
    const suggestions = suggestThreats({ knowledgeBases: [shopKb()], mode: 'full', story: buyWithCard, existing: [] });
    expect(suggestions.map((s) => [s.template.id, s.severity.score, s.severity.band])).toEqual([
      ['BOTS', 16, 'High'],
      ['PRICE', 16, 'High'],
      ['CARD', 15, 'High'],
    ]);
    expect(suggestions[2]).toMatchObject({
      knowledgeBaseId: 'shop',
      knowledgeBaseVersion: '3',
      reasons: ['summary mentions "card"'],
    });
  });

  it('in top mode keeps only top templates but still lists every mitigation, top ones first', () => {
    const suggestions = suggestThreats({ knowledgeBases: [shopKb()], mode: 'top', story: buyWithCard, existing: [] });
    expect(suggestions.map((s) => s.template.id)).toEqual(['PRICE', 'CARD']);
    const card = suggestions.find((s) => s.template.id === 'CARD');
    expect(card?.mitigations.map((m) => [m.template.id, m.strength, m.top])).toEqual([
      ['M-TOKEN', 75, true],
      ['M-STRONG', 100, false],
      ['M-WEAK', 25, false],
    ]);
    expect(suggestions[0]?.mitigations.map((m) => [m.template.id, m.strength])).toEqual([['M-TOKEN', 25]]);
  });

  it('names the threat already created from the same template of the same knowledge base', () => {
    const existing = [
      { id: 'T-1', title: 'Card data stolen', source: { kind: 'manual' as const } },
      {
        id: 'T-2',
        title: 'Cards',
        source: { kind: 'knowledge-base' as const, knowledgeBaseId: 'other-kb', templateId: 'CARD', version: '1' },
      },
      {
        id: 'T-5',
        title: 'Card data stolen',
        source: { kind: 'knowledge-base' as const, knowledgeBaseId: 'shop', templateId: 'CARD', version: '2' },
      },
    ];
    const suggestions = suggestThreats({ knowledgeBases: [shopKb()], mode: 'full', story: buyWithCard, existing });
    expect(suggestions.find((s) => s.template.id === 'CARD')?.existingThreatId).toBe('T-5');
    expect(suggestions.find((s) => s.template.id === 'PRICE')).not.toHaveProperty('existingThreatId');
  });

  it('suggests nothing when no rule matches', () => {
    expect(
      suggestThreats({
        knowledgeBases: [shopKb()],
        mode: 'full',
        story: story('As a reader I want dark mode'),
        existing: [],
      }),
    ).toEqual([]);
  });

  it('merges the suggestions of several knowledge bases in one order', () => {
    const other = KnowledgeBase.parse({
      ...shopKb(),
      id: 'other',
      threats: shopKb().threats.map((t) => ({ ...t, title: `${t.title} (other)` })),
    });
    const suggestions = suggestThreats({
      knowledgeBases: [shopKb(), other],
      mode: 'top',
      story: buyWithCard,
      existing: [],
    });
    expect(suggestions.map((s) => `${s.knowledgeBaseId}/${s.template.id}`)).toEqual([
      'shop/PRICE',
      'other/PRICE',
      'shop/CARD',
      'other/CARD',
    ]);
  });
});

describe('suggestThreats ranks by how well each rule matches', () => {
  const threat = (id: string, severity: number, appliesWhen: KnowledgeBaseInput['threats'][number]['appliesWhen']) => ({
    id,
    title: `Threat ${id}`,
    stride: ['I' as const],
    probability: severity,
    impact: 5,
    appliesWhen,
  });
  const rankedKb = (): KnowledgeBase =>
    KnowledgeBase.parse({
      format: 'without-kb/1',
      id: 'ranked',
      name: 'Ranked',
      version: '1',
      source: { format: 'tmt' },
      threats: [
        threat('EVERY', 5, { always: true }),
        threat('PAY', 5, { words: ['pay'] }),
        threat('PAYPAL', 2, { words: ['pay with paypal'] }),
        threat('STORY', 5, { all: [{ issueType: ['Story'] }, { not: { label: ['internal'] } }] }),
        threat('PAY-LOW', 3, { words: ['pay'] }),
        threat('CLAUSE', 1, { words: ['card details'] }),
      ],
      mitigations: [],
    } satisfies KnowledgeBaseInput);
  const payPal = story('As a buyer, I want to pay with PayPal so that I do not have to type my card details', {
    clauses: ['my PayPal login being phished', 'someone reading my card details'],
  });
  const ranked = suggestThreats({ knowledgeBases: [rankedKb()], mode: 'full', story: payPal, existing: [] });

  it('puts an exact multi-word match above a match on "pay" alone, whatever their severity', () => {
    expect(ranked.map((s) => s.template.id)).toEqual(['CLAUSE', 'PAYPAL', 'PAY', 'PAY-LOW', 'EVERY', 'STORY']);
    // "card details" in a clause: 2 telling words, 2 x 2, doubled; "pay with paypal": 2 x 2; "pay": 1.
    expect(ranked.map((s) => s.score)).toEqual([8, 4, 1, 1, 0, 0]);
  });

  it('ranks equal matches by severity, and catch-all rules last, marked generic', () => {
    const pay = ranked.filter((s) => s.template.id.startsWith('PAY-') || s.template.id === 'PAY');
    expect(pay.map((s) => [s.template.id, s.severity.score])).toEqual([
      ['PAY', 25],
      ['PAY-LOW', 15],
    ]);
    expect(ranked.filter((s) => s.generic).map((s) => s.template.id)).toEqual(['EVERY', 'STORY']);
    expect(ranked.filter((s) => !s.generic).every((s) => s.score > 0)).toBe(true);
  });

  it('names the clauses whose text matched', () => {
    const byId = new Map(ranked.map((s) => [s.template.id, s.clauses]));
    expect(byId.get('CLAUSE')).toEqual([1]);
    expect(byId.get('PAY')).toEqual([]);
    expect(byId.get('EVERY')).toEqual([]);
  });
});

describe('questionsForThreat', () => {
  it("asks the questions of the threat's categories for its component kind, in STRIDE order", () => {
    expect(questionsForThreat(shopKb(), { stride: ['I', 'T'], component: 'api' }).map((q) => q.id)).toEqual([
      'Q-API-T',
      'Q-API-I',
    ]);
    expect(questionsForThreat(shopKb(), { stride: ['I'], component: 'Web-UI' }).map((q) => q.id)).toEqual(['Q-UI-I']);
  });

  it('takes one question per category and topic across kinds for an unknown or empty component', () => {
    expect(questionsForThreat(shopKb(), { stride: ['I', 'S'], component: 'Checkout' }).map((q) => q.id)).toEqual([
      'Q-UI-S',
      'Q-API-I',
    ]);
    expect(questionsForThreat(shopKb(), { stride: ['I'], component: '' }).map((q) => q.id)).toEqual(['Q-API-I']);
  });

  it('leaves out questions whose own rule does not match the story, when one is given', () => {
    const threat = { stride: ['S'], component: 'api' };
    expect(questionsForThreat(shopKb(), threat).map((q) => q.id)).toEqual(['Q-API-S']);
    expect(questionsForThreat(shopKb(), threat, story('As a shop I want payment webhooks')).map((q) => q.id)).toEqual([
      'Q-API-S',
    ]);
    expect(questionsForThreat(shopKb(), threat, story('As a shop I want dark mode'))).toEqual([]);
  });
});

describe('templateChanges', () => {
  const template = (): ThreatTemplate => {
    const card = shopKb().threats.find((t) => t.id === 'CARD');
    if (!card) throw new Error('the shop knowledge base has a CARD template');
    return card;
  };
  const createdFrom = (t: ThreatTemplate) => ({
    title: t.title,
    description: t.description,
    stride: t.stride,
    probability: t.probability,
    impact: t.impact,
  });

  it('is empty for a threat that still equals its template, ignoring whitespace and STRIDE order', () => {
    const t = { ...template(), stride: ['I' as const, 'T' as const] };
    expect(templateChanges(t, { ...createdFrom(t), title: ` ${t.title} `, stride: ['T', 'I', 'T'] })).toEqual([]);
  });

  it("lists each field that differs, from the threat's value to the template's", () => {
    const updated = {
      ...template(),
      title: 'Card data stolen or leaked',
      description: 'Also backups.',
      stride: ['I' as const, 'T' as const],
      impact: 4,
    };
    expect(templateChanges(updated, createdFrom(template()))).toEqual([
      { field: 'title', from: 'Card data stolen', to: 'Card data stolen or leaked' },
      { field: 'description', from: '', to: 'Also backups.' },
      { field: 'stride', from: 'I', to: 'T, I' },
      { field: 'impact', from: '5', to: '4' },
    ]);
  });
});
