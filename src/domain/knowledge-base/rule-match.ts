import { type Rule } from './knowledge-base';

/** What a knowledge-base rule is matched against: one story and what it already links. */
export interface StoryContext {
  issueType: string;
  labels: string[];
  components: string[];
  summary: string;
  description: string;
  /** The texts of the story's WITHOUT clauses. */
  clauses: string[];
  /** Threats the story links; `templateId` when the threat was created from a knowledge base. */
  linkedThreats: Array<{ id: string; templateId?: string }>;
}

export interface RuleMatch {
  matched: boolean;
  /** Human sentences for the positive matches, e.g. `summary mentions "credit card"`. */
  reasons: string[];
}

export type StoryMatcher = (rule: Rule) => RuleMatch;

type Place = 'summary' | 'description' | 'clauses';
const ALL_PLACES: readonly Place[] = ['summary', 'description', 'clauses'];
const PLACE_NAMES: Record<Place, string> = {
  summary: 'summary',
  description: 'description',
  clauses: 'WITHOUT clause',
};

/**
 * The words of a text, lowercased; every run of characters other than letters and digits
 * separates words, so "Sign-in" and "sign in" read the same, and "pay" is never found inside
 * "payout" or "payment".
 */
export const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);

interface WordNeedle {
  value: string;
  words: string[];
  /** The last word and its simple plurals (s, es, y -> ies). */
  lastForms: string[];
  /** The words padded with spaces, to tell that "card" is part of "credit card". */
  phrase: string;
}

const pluralForms = (word: string): string[] => [
  word,
  `${word}s`,
  `${word}es`,
  ...(word.endsWith('y') ? [`${word.slice(0, -1)}ies`] : []),
];

/** The inverse of pluralForms: the words a story's word may be the plural of, itself included. */
function singularForms(word: string): string[] {
  const forms = [word];
  if (word.endsWith('s')) forms.push(word.slice(0, -1));
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  return forms;
}

// Rule objects are long-lived (parsed once per knowledge base); their words are split once.
const needleCache = new WeakMap<object, WordNeedle[]>();
const needlesOf = (rule: { words: string[] }): WordNeedle[] => {
  let needles = needleCache.get(rule);
  if (!needles) {
    needles = rule.words.flatMap((value) => {
      const words = wordsOf(value);
      const last = words[words.length - 1];
      return last === undefined ? [] : [{ value, words, lastForms: pluralForms(last), phrase: ` ${words.join(' ')} ` }];
    });
    needleCache.set(rule, needles);
  }
  return needles;
};

interface Occurrence {
  place: Place;
  at: number;
}

/**
 * Every word of the story, under itself and the words it may be the plural of, with where it
 * occurs: finding a needle is one map lookup instead of a scan of every text, which keeps a
 * whole knowledge base against one story in microseconds.
 */
interface StoryWords {
  words: Record<Place, string[]>;
  occurrences: Map<string, Occurrence[]>;
}

// Separates clauses; never equal to a word, so a phrase never spans two clauses.
const BOUNDARY = '\n';

function indexStoryWords(story: StoryContext): StoryWords {
  const words: Record<Place, string[]> = {
    summary: wordsOf(story.summary),
    description: wordsOf(story.description),
    clauses: story.clauses.flatMap((clause) => [...wordsOf(clause), BOUNDARY]),
  };
  const occurrences = new Map<string, Occurrence[]>();
  for (const place of ALL_PLACES) {
    words[place].forEach((word, at) => {
      for (const key of singularForms(word)) {
        const list = occurrences.get(key);
        if (list) list.push({ place, at });
        else occurrences.set(key, [{ place, at }]);
      }
    });
  }
  return { words, occurrences };
}

/** Whether the needle starts at this occurrence of its first word. */
function startsAt(story: StoryWords, needle: WordNeedle, { place, at }: Occurrence): boolean {
  const text = story.words[place];
  const last = needle.words.length - 1;
  if (last === 0) return true; // looked up by its singular, so any plural form is already in
  for (let i = 0; i < last; i++) if (text[at + i] !== needle.words[i]) return false;
  return needle.lastForms.includes(text[at + last] ?? BOUNDARY);
}

/** The first of the places (in their order) where the needle occurs, or undefined. */
function firstPlaceOf(story: StoryWords, needle: WordNeedle, places: readonly Place[]): Place | undefined {
  let best = places.length;
  for (const occurrence of story.occurrences.get(needle.words[0] ?? '') ?? []) {
    const rank = places.indexOf(occurrence.place);
    if (rank !== -1 && rank < best && startsAt(story, needle, occurrence)) best = rank;
  }
  return places[best];
}

const NO_MATCH: RuleMatch = { matched: false, reasons: [] };
const unique = (reasons: string[]): string[] => [...new Set(reasons)];

interface PreparedStory {
  words: StoryWords;
  issueType: string;
  labels: Map<string, string>;
  components: Map<string, string>;
  linked: StoryContext['linkedThreats'];
}

const byLowercase = (values: string[]): Map<string, string> =>
  new Map(values.map((v) => [v.trim().toLowerCase(), v.trim()]));

function prepare(story: StoryContext): PreparedStory {
  return {
    words: indexStoryWords(story),
    issueType: story.issueType.trim(),
    labels: byLowercase(story.labels),
    components: byLowercase(story.components),
    linked: story.linkedThreats,
  };
}

function matchWords(rule: { words: string[]; in?: Place[] }, story: PreparedStory): RuleMatch {
  const places = rule.in ?? ALL_PLACES;
  // A plain loop: most needles miss, and a miss should cost one map lookup and no allocation.
  const hits: Array<{ needle: WordNeedle; place: Place }> = [];
  for (const needle of needlesOf(rule)) {
    const place = firstPlaceOf(story.words, needle, places);
    if (place !== undefined) hits.push({ needle, place });
  }
  if (hits.length === 0) return NO_MATCH;
  // Each word is reported once, in the first place it is found; "card" adds nothing when
  // "credit card" was found in the same place.
  const shown = hits.filter(
    (h) =>
      !hits.some(
        (o) => o.place === h.place && o.needle.phrase !== h.needle.phrase && o.needle.phrase.includes(h.needle.phrase),
      ),
  );
  return { matched: true, reasons: unique(shown.map((h) => `${PLACE_NAMES[h.place]} mentions "${h.needle.value}"`)) };
}

function matchValues(values: string[], present: Map<string, string>, describe: (v: string) => string): RuleMatch {
  const reasons = values.flatMap((v) => {
    const actual = present.get(v.trim().toLowerCase());
    return actual === undefined ? [] : [describe(actual)];
  });
  return reasons.length > 0 ? { matched: true, reasons: unique(reasons) } : NO_MATCH;
}

function matchLinkedThreat(values: string[], story: PreparedStory): RuleMatch {
  const wanted = new Set(values.map((v) => v.trim().toLowerCase()));
  const reasons = story.linked.flatMap((t) => {
    if (wanted.has(t.id.toLowerCase())) return [`links threat ${t.id}`];
    if (t.templateId !== undefined && wanted.has(t.templateId.toLowerCase()))
      return [`links threat ${t.id} (from ${t.templateId})`];
    return [];
  });
  return reasons.length > 0 ? { matched: true, reasons: unique(reasons) } : NO_MATCH;
}

function evaluate(rule: Rule, story: PreparedStory): RuleMatch {
  if ('always' in rule) return { matched: true, reasons: ['applies to every story'] };
  if ('issueType' in rule) {
    const type = story.issueType.toLowerCase();
    return rule.issueType.some((t) => t.trim().toLowerCase() === type)
      ? { matched: true, reasons: [`issue type is ${story.issueType}`] }
      : NO_MATCH;
  }
  if ('label' in rule) return matchValues(rule.label, story.labels, (l) => `label "${l}"`);
  if ('component' in rule) return matchValues(rule.component, story.components, (c) => `component "${c}"`);
  if ('words' in rule) return matchWords(rule, story);
  if ('linkedThreat' in rule) return matchLinkedThreat(rule.linkedThreat, story);
  if ('all' in rule) {
    const reasons: string[] = [];
    for (const branch of rule.all) {
      const result = evaluate(branch, story);
      if (!result.matched) return NO_MATCH;
      reasons.push(...result.reasons);
    }
    return { matched: true, reasons: unique(reasons) };
  }
  if ('any' in rule) {
    const matches = rule.any.map((branch) => evaluate(branch, story)).filter((r) => r.matched);
    return matches.length > 0 ? { matched: true, reasons: unique(matches.flatMap((r) => r.reasons)) } : NO_MATCH;
  }
  // `not` matches by an absence, which is no reason to show a person.
  return evaluate(rule.not, story).matched ? NO_MATCH : { matched: true, reasons: [] };
}

/**
 * Prepares a story once (indexed words, lowercased labels and components) and returns a
 * function that matches any number of rules against it: the way to test a whole knowledge base.
 *
 * Semantics: everything is case-insensitive. A leaf matches when any of its values does.
 * `words` are whole words or phrases (punctuation and dashes count as spaces; a simple plural
 * "s", "es" or "y" -> "ies" on the last word is accepted), looked up in the summary, description
 * and WITHOUT clauses or only in the places named by `in`; so "pay" matches "pays" but not
 * "payout" or "payment". `linkedThreat` matches a linked threat's id (T-3) or the template id it
 * was created from. `all` of an empty list matches and `any` of an empty list does not (the
 * schema forbids both). `not` contributes no reason.
 */
export function storyMatcher(story: StoryContext): StoryMatcher {
  const prepared = prepare(story);
  return (rule) => evaluate(rule, prepared);
}

export const matchRule = (rule: Rule, story: StoryContext): RuleMatch => storyMatcher(story)(rule);
