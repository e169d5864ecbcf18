import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readKnowledgeBaseFile } from '../importers/read-knowledge-base-file';
import { aStoryContext } from '../story-context-mother';
import { STRIDE } from '../../threat-model/stride';
import { COMPONENT_KINDS, KnowledgeBase, QUESTION_TOPICS, Rule } from '../knowledge-base';
import { type StoryContext, wordsOf } from '../rule-match';
import { questionsForThreat, suggestThreats } from '../suggest';
import { WEB_AND_API_KB } from './web-and-api';

const kb = KnowledgeBase.parse(WEB_AND_API_KB);

const story = aStoryContext;
const suggest = (s: StoryContext, mode: 'top' | 'full' = 'top') =>
  suggestThreats({ knowledgeBases: [kb], mode, story: s, existing: [] });

function leaves(rule: Rule): Rule[] {
  if ('all' in rule) return rule.all.flatMap(leaves);
  if ('any' in rule) return rule.any.flatMap(leaves);
  if ('not' in rule) return leaves(rule.not);
  return [rule];
}

describe('the built-in "Web applications and APIs" knowledge base', () => {
  it('is read by the same path as an upload of the same file, and is the same knowledge base', () => {
    const text = readFileSync(path.join(__dirname, 'web-and-api.json'), 'utf8');
    expect(readKnowledgeBaseFile(text, 'auto', 'web-and-api.json')).toEqual(kb);
  });

  it('is a valid knowledge base with a version', () => {
    expect(KnowledgeBase.safeParse(WEB_AND_API_KB).success).toBe(true);
    expect(kb).toMatchObject({ id: 'web-and-api', name: 'Web applications and APIs', source: { format: 'built-in' } });
    expect(kb.version).toMatch(/^\d{4}\.\d+\.\d+$/);
  });

  it('has at least 44 threats, every STRIDE category well covered, and a TOP list of at least 16', () => {
    expect(kb.threats.length).toBeGreaterThanOrEqual(44);
    for (const letter of STRIDE)
      expect(kb.threats.filter((t) => t.stride[0] === letter).length).toBeGreaterThanOrEqual(5);
    expect(kb.threats.filter((t) => t.top).length).toBeGreaterThanOrEqual(16);
    for (const letter of STRIDE) expect(kb.threats.some((t) => t.top && t.stride.includes(letter))).toBe(true);
  });

  it('gives every threat a stable id of its main category, a known component, references and detection events', () => {
    for (const t of kb.threats) {
      expect(t.id).toMatch(new RegExp(`^WEB-${t.stride[0]}-\\d{2}$`));
      expect(COMPONENT_KINDS).toContain(t.component);
      expect(t.description.length).toBeGreaterThan(60);
      expect(t.references.some((r) => r.kind === 'capec' || r.kind === 'cwe')).toBe(true);
      for (const r of t.references.filter((x) => x.kind === 'capec' || x.kind === 'cwe'))
        expect(r.value).toMatch(/^(CAPEC|CWE)-\d+$/);
      expect(t.detectionEvents.length).toBeGreaterThanOrEqual(1);
      expect(t.detectionEvents.length).toBeLessThanOrEqual(2);
    }
  });

  it('addresses every threat with at least one mitigation, and every top threat with a top one', () => {
    const addressed = (id: string, topOnly: boolean) =>
      kb.mitigations.some((m) => (!topOnly || m.top) && m.addresses.some((a) => a.threatId === id && a.strength > 0));
    expect(kb.threats.filter((t) => !addressed(t.id, false)).map((t) => t.id)).toEqual([]);
    expect(kb.threats.filter((t) => t.top && !addressed(t.id, true)).map((t) => t.id)).toEqual([]);
    for (const m of kb.mitigations) {
      expect(m.id).toMatch(/^WEB-M-\d{2}$/);
      expect(m.implementation.length).toBeGreaterThan(40);
      expect(m.verification.length).toBeGreaterThan(20);
    }
  });

  it('asks six questions of each component kind, one per STRIDE letter with its topic', () => {
    expect(kb.questions).toHaveLength(36);
    for (const kind of COMPONENT_KINDS) {
      const ofKind = kb.questions.filter((q) => q.componentKind === kind);
      expect(ofKind.map((q) => q.stride).sort()).toEqual([...STRIDE].sort());
      for (const q of ofKind) expect(q.topic).toBe(QUESTION_TOPICS[q.stride]);
    }
    expect(new Set(kb.questions.map((q) => q.id)).size).toBe(36);
  });

  it('has only valid rules, naming existing templates and no words every story contains', () => {
    // "As a customer, I want ... so that ..." must not be enough for any template.
    const storyFrame = new Set([
      'as',
      'a',
      'an',
      'i',
      'want',
      'to',
      'so',
      'that',
      'can',
      'my',
      'the',
      'user',
      'customer',
      'buyer',
      'seller',
      'see',
      'view',
    ]);
    const ids = new Set(kb.threats.map((t) => t.id));
    for (const t of kb.threats) {
      expect(Rule.safeParse(t.appliesWhen).success).toBe(true);
      for (const leaf of leaves(t.appliesWhen)) {
        if ('words' in leaf) {
          for (const value of leaf.words) {
            const words = wordsOf(value);
            expect(words.length).toBeGreaterThan(0);
            if (words.length === 1) expect(storyFrame.has(words[0] ?? '')).toBe(false);
          }
        }
        if ('linkedThreat' in leaf)
          for (const id of leaf.linkedThreat) expect(ids.has(id) || /^T-\d+$/.test(id)).toBe(true);
      }
    }
    expect(
      suggest(story('As a customer, I want to see the opening hours so that I can plan my visit'), 'full'),
    ).toEqual([]);
  });
});

describe('suggestions from the built-in knowledge base', () => {
  it('suggests the TOP card-data threat for a story about paying by card, saying why', () => {
    const suggestions = suggest(story('As a buyer, I want to pay with my credit card so that I can buy goods'));
    const card = suggestions.find((s) => s.template.id === 'WEB-I-01');
    expect(card?.template).toMatchObject({
      title: 'Card data disclosed in transit or at rest',
      stride: ['I'],
      top: true,
    });
    expect(card?.reasons.some((r) => r.includes('card'))).toBe(true);
    expect(card?.mitigations.some((m) => m.top)).toBe(true);
    expect(card?.severity.band).toBe('High');
    expect(questionsForThreat(kb, card?.template ?? { stride: [], component: '' }).map((q) => q.topic)).toEqual([
      'encryption-in-transit',
    ]);
  });

  it('suggests the card-data threat from a payments label alone', () => {
    const suggestions = suggest(story('As a buyer, I want a receipt by post', { labels: ['payments'] }));
    expect(suggestions.find((s) => s.template.id === 'WEB-I-01')?.reasons).toEqual(['label "payments"']);
  });

  it('suggests an authentication threat for a sign-in story', () => {
    const suggestions = suggest(
      story('As a customer, I want to sign in with my email and password so that I can see my orders'),
    );
    const spoofing = suggestions.filter((s) => s.template.stride.includes('S') && s.template.component === 'identity');
    expect(spoofing.map((s) => s.template.id)).toContain('WEB-S-01');
    expect(spoofing[0]?.reasons).toEqual(expect.arrayContaining(['summary mentions "sign in"']));
  });

  it('does not take a payout for a payment, but suggests the payout threat', () => {
    const ids = suggest(story('As a seller, I want to change my payout bank account'), 'full').map(
      (s) => s.template.id,
    );
    expect(ids).not.toContain('WEB-I-01');
    expect(ids).toContain('WEB-T-12');
  });

  it('stops suggesting credential stuffing for a passwordless sign-in', () => {
    const ids = suggest(story('As a user, I want to sign in with a magic link instead of a password')).map(
      (s) => s.template.id,
    );
    expect(ids).not.toContain('WEB-S-01');
  });

  it('suggests account lockout abuse once the story links a credential-stuffing threat', () => {
    const linked = story('As a user, I want to stay informed', {
      linkedThreats: [{ id: 'T-4', templateId: 'WEB-S-01' }],
    });
    const lockout = suggest(linked, 'full').find((s) => s.template.id === 'WEB-D-03');
    expect(lockout?.reasons).toEqual(['links threat T-4 (from WEB-S-01)']);
  });
});
