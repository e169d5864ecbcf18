import { aStoryContext } from './story-context-mother';
import { type Rule } from './knowledge-base';
import { matchRule, type StoryContext, storyMatcher } from './rule-match';

const story = (overrides: Partial<StoryContext> = {}): StoryContext => aStoryContext('', overrides);

const cardStory = story({
  summary: 'As a buyer, I want to pay with my Credit-Card so that I can buy goods',
  description: 'The checkout page takes the card details.',
  clauses: ['having my card data stolen', 'being charged twice'],
  labels: ['Payments'],
  components: ['Checkout'],
  linkedThreats: [{ id: 'T-3', templateId: 'WEB-I-01' }, { id: 'T-7' }],
});

describe('words', () => {
  it('match whole words and phrases, case-insensitive, with punctuation read as spaces', () => {
    expect(matchRule({ words: ['credit card'] }, cardStory)).toMatchObject({
      matched: true,
      reasons: ['summary mentions "credit card"'],
    });
    expect(matchRule({ words: ['PAY'] }, cardStory).matched).toBe(true);
  });

  it('never match inside another word', () => {
    const payout = story({
      summary: 'As a seller I want my payout and payment history',
      description: 'Cardholder name, repayment, paypal',
    });
    expect(matchRule({ words: ['pay', 'card', 'hist'] }, payout)).toMatchObject({ matched: false, reasons: [] });
  });

  it('accept a simple plural of the last word only', () => {
    const plural = story({ summary: 'Store credit cards and policies; the passes and the boxes' });
    expect(matchRule({ words: ['credit card'] }, plural).matched).toBe(true);
    expect(matchRule({ words: ['policy'] }, plural).matched).toBe(true);
    expect(matchRule({ words: ['pass'] }, plural).matched).toBe(true);
    expect(matchRule({ words: ['box'] }, plural).matched).toBe(true);
    expect(matchRule({ words: ['credits card'] }, story({ summary: 'credit card' })).matched).toBe(false);
    expect(matchRule({ words: ['cards'] }, story({ summary: 'one card' })).matched).toBe(false);
  });

  it('match a phrase only with its words in order and next to each other', () => {
    expect(matchRule({ words: ['card credit'] }, cardStory).matched).toBe(false);
    expect(matchRule({ words: ['pay card'] }, cardStory).matched).toBe(false);
  });

  it('look in summary, description and clauses, naming the first place a word is found', () => {
    expect(matchRule({ words: ['checkout', 'card data', 'card'] }, cardStory).reasons).toEqual([
      'description mentions "checkout"',
      'WITHOUT clause mentions "card data"',
      'summary mentions "card"',
    ]);
  });

  it('look only in the places named by `in`', () => {
    expect(matchRule({ words: ['checkout'], in: ['summary', 'clauses'] }, cardStory).matched).toBe(false);
    expect(matchRule({ words: ['card'], in: ['clauses'] }, cardStory).reasons).toEqual([
      'WITHOUT clause mentions "card"',
    ]);
  });

  it('never match a phrase across two WITHOUT clauses', () => {
    expect(matchRule({ words: ['stolen being'] }, cardStory).matched).toBe(false);
    expect(matchRule({ words: ['charged twice'] }, cardStory).matched).toBe(true);
  });

  it('leave out a word already shown as part of a longer phrase found in the same place', () => {
    expect(matchRule({ words: ['card', 'credit card', 'pay'] }, cardStory).reasons).toEqual([
      'summary mentions "credit card"',
      'summary mentions "pay"',
    ]);
  });
});

describe('issue type, labels, components and linked threats', () => {
  it('match case-insensitively and name what the story has', () => {
    expect(matchRule({ issueType: ['story', 'Bug'] }, cardStory)).toMatchObject({
      matched: true,
      reasons: ['issue type is Story'],
    });
    expect(matchRule({ issueType: ['Bug'] }, cardStory).matched).toBe(false);
    expect(matchRule({ label: ['payments'] }, cardStory)).toMatchObject({
      matched: true,
      reasons: ['label "Payments"'],
    });
    expect(matchRule({ label: ['pay'] }, cardStory).matched).toBe(false);
    expect(matchRule({ component: ['checkout', 'Billing'] }, cardStory)).toMatchObject({
      matched: true,
      reasons: ['component "Checkout"'],
    });
    expect(matchRule({ component: ['Billing'] }, cardStory).matched).toBe(false);
  });

  it('match a linked threat by its id or the template it was created from', () => {
    expect(matchRule({ linkedThreat: ['T-7'] }, cardStory)).toMatchObject({
      matched: true,
      reasons: ['links threat T-7'],
    });
    expect(matchRule({ linkedThreat: ['web-i-01'] }, cardStory)).toMatchObject({
      matched: true,
      reasons: ['links threat T-3 (from WEB-I-01)'],
    });
    expect(matchRule({ linkedThreat: ['T-1', 'WEB-S-01'] }, cardStory).matched).toBe(false);
  });

  it('always match with `always`', () => {
    expect(matchRule({ always: true }, story())).toMatchObject({ matched: true, reasons: ['applies to every story'] });
  });
});

describe('all, any and not', () => {
  it('`all` needs every branch and joins their reasons', () => {
    const rule: Rule = { all: [{ label: ['payments'] }, { words: ['checkout'] }] };
    expect(matchRule(rule, cardStory)).toMatchObject({
      matched: true,
      reasons: ['label "Payments"', 'description mentions "checkout"'],
    });
    expect(matchRule({ all: [{ label: ['payments'] }, { words: ['refund'] }] }, cardStory)).toMatchObject({
      matched: false,
      reasons: [],
    });
  });

  it('`any` needs one branch and gives the reasons of the branches that matched', () => {
    const rule: Rule = { any: [{ words: ['refund'] }, { label: ['payments'] }, { linkedThreat: ['T-7'] }] };
    expect(matchRule(rule, cardStory)).toMatchObject({
      matched: true,
      reasons: ['label "Payments"', 'links threat T-7'],
    });
    expect(matchRule({ any: [{ words: ['refund'] }, { label: ['admin'] }] }, cardStory).matched).toBe(false);
  });

  it('`not` matches when its rule does not, and gives no reason', () => {
    expect(matchRule({ not: { words: ['refund'] } }, cardStory)).toMatchObject({ matched: true, reasons: [] });
    expect(matchRule({ not: { words: ['card'] } }, cardStory)).toMatchObject({ matched: false, reasons: [] });
  });

  it('nest', () => {
    const rule: Rule = {
      all: [
        {
          any: [
            { words: ['password'] },
            { all: [{ issueType: ['Story'] }, { words: ['card data'], in: ['clauses'] }] },
          ],
        },
        { not: { any: [{ label: ['api-only'] }, { words: ['passwordless'] }] } },
      ],
    };
    expect(matchRule(rule, cardStory)).toMatchObject({
      matched: true,
      reasons: ['issue type is Story', 'WITHOUT clause mentions "card data"'],
    });
    expect(matchRule(rule, { ...cardStory, labels: ['api-only'] }).matched).toBe(false);
    expect(matchRule(rule, { ...cardStory, clauses: [] }).matched).toBe(false);
  });
});

describe('how well a rule matches (score) and which clauses it found', () => {
  it('counts a phrase of n telling words n x n, words every story has nothing, a clause double, the description half', () => {
    expect(matchRule({ words: ['pay'] }, cardStory).score).toBe(1);
    expect(matchRule({ words: ['credit card'] }, cardStory).score).toBe(4);
    // "pay with my credit card": pay, credit and card are telling; "with" and "my" are not.
    expect(matchRule({ words: ['pay with my credit card'] }, cardStory).score).toBe(9);
    expect(matchRule({ words: ['so that', 'i want'] }, cardStory)).toMatchObject({ matched: true, score: 0 });
    expect(matchRule({ words: ['card data'] }, cardStory).score).toBe(8);
    expect(matchRule({ words: ['checkout'] }, cardStory).score).toBe(0.5);
    // "card" inside "credit card" found in the same place counts once, as the phrase.
    expect(matchRule({ words: ['credit card', 'card'] }, cardStory).score).toBe(4);
  });

  it('counts labels, components and linked threats, and nothing for always, an issue type or a not', () => {
    expect(matchRule({ label: ['payments'] }, cardStory).score).toBe(2);
    expect(matchRule({ component: ['checkout'] }, cardStory).score).toBe(2);
    expect(matchRule({ linkedThreat: ['T-7'] }, cardStory).score).toBe(3);
    expect(matchRule({ always: true }, cardStory).score).toBe(0);
    expect(matchRule({ issueType: ['Story'] }, cardStory).score).toBe(0);
    expect(matchRule({ not: { words: ['refund'] } }, cardStory).score).toBe(0);
    expect(matchRule({ all: [{ issueType: ['Story'] }, { label: ['payments'] }] }, cardStory).score).toBe(2);
    expect(matchRule({ any: [{ words: ['pay'] }, { label: ['payments'] }, { words: ['x'] }] }, cardStory).score).toBe(
      3,
    );
  });

  it('names the clauses whose text a words rule found, never one that only has common words', () => {
    const twoClauses = story({ clauses: ['being charged twice', 'having my card data stolen', 'my card expiring'] });
    expect(matchRule({ words: ['card data'] }, twoClauses).clauses).toEqual([1]);
    expect(matchRule({ words: ['card'] }, twoClauses).clauses).toEqual([1, 2]);
    expect(matchRule({ words: ['my'] }, twoClauses).clauses).toEqual([]);
    expect(matchRule({ any: [{ words: ['charged'] }, { words: ['stolen'] }] }, twoClauses).clauses).toEqual([0, 1]);
    expect(matchRule({ words: ['card'], in: ['summary'] }, twoClauses)).toMatchObject({ matched: false, clauses: [] });
  });
});

describe('a prepared story', () => {
  it('answers many rules the same way as matching them one by one', () => {
    const rules: Rule[] = [
      { words: ['card'] },
      { label: ['x'] },
      { not: { words: ['goods'] } },
      { any: [{ component: ['checkout'] }] },
    ];
    const match = storyMatcher(cardStory);
    expect(rules.map(match)).toEqual(rules.map((r) => matchRule(r, cardStory)));
  });
});
