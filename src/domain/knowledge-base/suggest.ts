import { type Strength } from '../mitigation/mitigation';
import { type Severity, severityOf } from '../threat-model/severity';
import { STRIDE } from '../threat-model/stride';
import { type ThreatSource } from '../threat-model/threat';
import {
  componentKey,
  type KnowledgeBase,
  type MitigationTemplate,
  type StrideQuestion,
  type ThreatTemplate,
} from './knowledge-base';
import { type StoryContext, storyMatcher } from './rule-match';

export type SuggestionMode = 'top' | 'full';

export interface SuggestedMitigation {
  template: MitigationTemplate;
  /** How much it removes of the suggested threat. */
  strength: Strength;
  /** Part of the knowledge base's short "TOP" list. */
  top: boolean;
}

export interface ThreatSuggestion {
  knowledgeBaseId: string;
  knowledgeBaseVersion: string;
  template: ThreatTemplate;
  /** Why it applies to the story, e.g. `summary mentions "credit card"`. */
  reasons: string[];
  /** Every mitigation of the knowledge base addressing it: top ones first, then the strongest. */
  mitigations: SuggestedMitigation[];
  severity: Severity;
  /** How well the rule matches this story (RuleMatch.score): the first order of the list. */
  score: number;
  /**
   * The rule matches every story (no condition, or only ones any story meets, such as the TMT's
   * "(v3)" threats): listed last, and the UI folds them away.
   */
  generic: boolean;
  /** Indexes of the story's WITHOUT clauses whose text the rule matched: where to link it. */
  clauses: number[];
  /** The project's threat already created from this template: the UI offers "link" instead of "add". */
  existingThreatId?: string;
}

export interface SuggestThreatsInput {
  knowledgeBases: KnowledgeBase[];
  mode: SuggestionMode;
  story: StoryContext;
  existing: Array<{ id: string; title: string; source: ThreatSource }>;
}

const byTopThenStrength = (a: SuggestedMitigation, b: SuggestedMitigation): number =>
  Number(b.top) - Number(a.top) || b.strength - a.strength || a.template.title.localeCompare(b.template.title);

// A knowledge base is parsed once and asked about many stories: its mitigation index is built once.
const mitigationIndexCache = new WeakMap<KnowledgeBase, Map<string, SuggestedMitigation[]>>();
function mitigationsByThreat(kb: KnowledgeBase): Map<string, SuggestedMitigation[]> {
  let index = mitigationIndexCache.get(kb);
  if (!index) {
    index = new Map();
    for (const template of kb.mitigations) {
      for (const { threatId, strength } of template.addresses) {
        const list = index.get(threatId) ?? [];
        list.push({ template, strength, top: template.top });
        index.set(threatId, list);
      }
    }
    for (const list of index.values()) list.sort(byTopThenStrength);
    mitigationIndexCache.set(kb, index);
  }
  return index;
}

const sourceKey = (knowledgeBaseId: string, templateId: string): string => `${knowledgeBaseId}\u0000${templateId}`;

/** Threats of the model created from a template, by knowledge base and template; the first one wins. */
function existingByTemplate(existing: SuggestThreatsInput['existing']): Map<string, string> {
  const index = new Map<string, string>();
  for (const threat of existing) {
    if (threat.source.kind !== 'knowledge-base') continue;
    const key = sourceKey(threat.source.knowledgeBaseId, threat.source.templateId);
    if (!index.has(key)) index.set(key, threat.id);
  }
  return index;
}

/**
 * The threat templates of the given knowledge bases whose rule matches the story, the best match
 * first (RuleMatch.score), the most severe of equal matches first, catch-all rules last. In "top"
 * mode only the templates marked top; each suggestion still lists every mitigation addressing it,
 * with `top` saying which belong to the short list.
 */
export function suggestThreats(input: SuggestThreatsInput): ThreatSuggestion[] {
  const match = storyMatcher(input.story);
  const existing = existingByTemplate(input.existing);
  const suggestions: ThreatSuggestion[] = [];
  for (const kb of input.knowledgeBases) {
    const mitigations = mitigationsByThreat(kb);
    for (const template of kb.threats) {
      if (input.mode === 'top' && !template.top) continue;
      const result = match(template.appliesWhen);
      if (!result.matched) continue;
      const existingThreatId = existing.get(sourceKey(kb.id, template.id));
      suggestions.push({
        knowledgeBaseId: kb.id,
        knowledgeBaseVersion: kb.version,
        template,
        reasons: result.reasons,
        mitigations: mitigations.get(template.id) ?? [],
        severity: severityOf(template),
        score: result.score,
        generic: result.score === 0,
        clauses: result.clauses,
        ...(existingThreatId === undefined ? {} : { existingThreatId }),
      });
    }
  }
  return suggestions.sort(bestMatchFirst);
}

/** Catch-alls last; then the best match first, the most severe of equal matches, then by title. */
const bestMatchFirst = (a: ThreatSuggestion, b: ThreatSuggestion): number =>
  Number(a.generic) - Number(b.generic) ||
  b.score - a.score ||
  b.severity.score - a.severity.score ||
  a.template.title.localeCompare(b.template.title) ||
  a.knowledgeBaseId.localeCompare(b.knowledgeBaseId);

// Widened so that any string can be looked up; unknown letters sort last.
const STRIDE_LETTERS: readonly string[] = STRIDE;
const strideIndex = (letter: string): number =>
  STRIDE_LETTERS.includes(letter) ? STRIDE_LETTERS.indexOf(letter) : STRIDE_LETTERS.length;
const strideOrder = (q: StrideQuestion): number => strideIndex(q.stride);

/**
 * The STRIDE questions to ask about a threat: those of its categories for its component kind.
 * When the component is empty or a word no question of the knowledge base uses (a free-text
 * component such as "Checkout"), one question per category and topic is taken across all kinds,
 * the first in the knowledge base's order, so a person still gets each question once. With a
 * story, questions whose own rule does not match it are left out. Ordered S, T, R, I, D, E.
 */
export function questionsForThreat(
  kb: KnowledgeBase,
  threat: { stride: string[]; component: string },
  story?: StoryContext,
): StrideQuestion[] {
  const categories = new Set(threat.stride);
  const kind = componentKey(threat.component);
  const match = story ? storyMatcher(story) : undefined;
  const candidates = kb.questions.filter((q) => categories.has(q.stride) && (!match || match(q.appliesWhen).matched));
  const knownKind = kind !== '' && kb.questions.some((q) => componentKey(q.componentKind) === kind);
  const chosen = knownKind
    ? candidates.filter((q) => componentKey(q.componentKind) === kind)
    : firstPerTopic(candidates);
  return chosen.sort((a, b) => strideOrder(a) - strideOrder(b));
}

function firstPerTopic(questions: StrideQuestion[]): StrideQuestion[] {
  const seen = new Set<string>();
  return questions.filter((q) => {
    const key = `${q.stride}:${q.topic}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface TemplateChange {
  field: 'title' | 'description' | 'stride' | 'probability' | 'impact';
  /** The threat's value. */
  from: string;
  /** The template's current value. */
  to: string;
}

const strideText = (stride: string[]): string =>
  [...new Set(stride)].sort((a, b) => strideIndex(a) - strideIndex(b)).join(', ');

/**
 * What differs between a threat created from a template and the template as it is now, so that
 * when a knowledge base is updated its threats can show what changed. Text is compared trimmed and
 * STRIDE categories as a set. A difference may also be the project's own edit of the threat: the
 * caller compares only when the knowledge base's version differs from the threat's source version.
 */
export function templateChanges(
  template: ThreatTemplate,
  threat: { title: string; description: string; stride: string[]; probability: number; impact: number },
): TemplateChange[] {
  const pairs: Array<[TemplateChange['field'], string, string]> = [
    ['title', threat.title.trim(), template.title.trim()],
    ['description', threat.description.trim(), template.description.trim()],
    ['stride', strideText(threat.stride), strideText(template.stride)],
    ['probability', String(threat.probability), String(template.probability)],
    ['impact', String(threat.impact), String(template.impact)],
  ];
  return pairs.filter(([, from, to]) => from !== to).map(([field, from, to]) => ({ field, from, to }));
}
