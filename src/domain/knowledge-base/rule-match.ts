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
  /** The ids of those clauses, in the same order, where the story has them stored. */
  clauseIds?: string[];
  /** Threats the story links; `templateId` when the threat was created from a knowledge base. */
  linkedThreats: Array<{ id: string; templateId?: string }>;
}

export interface RuleMatch {
  matched: boolean;
  /** Human sentences for the positive matches, e.g. `summary mentions "credit card"`. */
  reasons: string[];
  /**
   * How much of the story the match rests on (see MATCH_WEIGHTS): 0 when nothing of this story in
   * particular made it match (`always`, an issue type, a `not`, words every story has), which
   * makes the rule a catch-all for this story.
   */
  score: number;
  /** Indexes of the WITHOUT clauses whose text a `words` rule found, in the story's order. */
  clauses: number[];
}

/**
 * What a match counts for. A phrase of n telling words counts n x n (so "credit card" is 4 and
 * "pay" 1), found in a WITHOUT clause twice that, in the description half; a label or component
 * 2; a linked threat 3. Words any story has ("a", "want", "so that") count nothing.
 */
export const MATCH_WEIGHTS = { clauses: 2, summary: 1, description: 0.5, label: 2, component: 2, linkedThreat: 3 };

// Function words and the words of the user-story template itself: every story has them.
const COMMON_WORDS = new Set(
  (
    'a an the and or but if of to in on at by for with without from into onto as so that this these those ' +
    'it its is are be been being was were am do does did have has had can could will would should may might ' +
    'must i me my mine we us our you your he she they them their his her who whom which what when where why ' +
    'how not no yes all any some every each other than then there here about over under after before up down ' +
    'out off again also just only very too want wants need needs like user users story'
  ).split(' '),
);

/** What a needle of these words counts for where it was found: telling words squared. */
export function phraseWeight(words: readonly string[]): number {
  const telling = words.filter((w) => !COMMON_WORDS.has(w)).length;
  return telling * telling;
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
  /** For each position of `words.clauses`, the index of the clause it belongs to. */
  clauseAt: number[];
}

// Separates clauses; never equal to a word, so a phrase never spans two clauses.
const BOUNDARY = '\n';

function indexStoryWords(story: StoryContext): StoryWords {
  const words: Record<Place, string[]> = {
    summary: wordsOf(story.summary),
    description: wordsOf(story.description),
    clauses: story.clauses.flatMap((clause) => [...wordsOf(clause), BOUNDARY]),
  };
  const clauseAt = story.clauses.flatMap((clause, i) => Array<number>(wordsOf(clause).length + 1).fill(i));
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
  return { words, occurrences, clauseAt };
}

/** Whether the needle starts at this occurrence of its first word. */
function startsAt(story: StoryWords, needle: WordNeedle, { place, at }: Occurrence): boolean {
  const text = story.words[place];
  const last = needle.words.length - 1;
  if (last === 0) return true; // looked up by its singular, so any plural form is already in
  for (let i = 0; i < last; i++) if (text[at + i] !== needle.words[i]) return false;
  return needle.lastForms.includes(text[at + last] ?? BOUNDARY);
}

interface Found {
  /** The first of the places (in their order) where the needle occurs. */
  place: Place;
  /** Every place it occurs. */
  all: Set<Place>;
  /** The clauses it occurs in. */
  clauses: number[];
}

/** Where the needle occurs among the places, or undefined. */
function findNeedle(story: StoryWords, needle: WordNeedle, places: readonly Place[]): Found | undefined {
  let best = places.length;
  let all: Set<Place> | undefined;
  const clauses: number[] = [];
  for (const occurrence of story.occurrences.get(needle.words[0] ?? '') ?? []) {
    const rank = places.indexOf(occurrence.place);
    if (rank === -1 || !startsAt(story, needle, occurrence)) continue;
    best = Math.min(best, rank);
    (all ??= new Set()).add(occurrence.place);
    if (occurrence.place === 'clauses') clauses.push(story.clauseAt[occurrence.at] ?? -1);
  }
  const place = places[best];
  return place === undefined || all === undefined ? undefined : { place, all, clauses };
}

const NO_MATCH: RuleMatch = { matched: false, reasons: [], score: 0, clauses: [] };
const unique = <T>(values: T[]): T[] => [...new Set(values)];
const matchOf = (reasons: string[], score: number, clauses: number[] = []): RuleMatch => ({
  matched: true,
  reasons: unique(reasons),
  score,
  clauses: unique(clauses).sort((a, b) => a - b),
});
/** The weight of the best place a needle was found in. */
const placeWeight = (places: Set<Place>): number => Math.max(...[...places].map((p) => MATCH_WEIGHTS[p]));

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
  const hits: Array<{ needle: WordNeedle } & Found> = [];
  for (const needle of needlesOf(rule)) {
    const found = findNeedle(story.words, needle, places);
    if (found !== undefined) hits.push({ needle, ...found });
  }
  if (hits.length === 0) return NO_MATCH;
  // Each word is reported (and counted) once, in the first place it is found; "card" adds
  // nothing when "credit card" was found in the same place.
  const shown = hits.filter(
    (h) =>
      !hits.some(
        (o) => o.place === h.place && o.needle.phrase !== h.needle.phrase && o.needle.phrase.includes(h.needle.phrase),
      ),
  );
  const score = shown.reduce((sum, h) => sum + phraseWeight(h.needle.words) * placeWeight(h.all), 0);
  return matchOf(
    shown.map((h) => `${PLACE_NAMES[h.place]} mentions "${h.needle.value}"`),
    score,
    // A clause counts when the words it holds are telling ones: every clause has "my".
    hits.filter((h) => phraseWeight(h.needle.words) > 0).flatMap((h) => h.clauses),
  );
}

function matchValues(
  values: string[],
  present: Map<string, string>,
  describe: (v: string) => string,
  weight: number,
): RuleMatch {
  const reasons = unique(
    values.flatMap((v) => {
      const actual = present.get(v.trim().toLowerCase());
      return actual === undefined ? [] : [describe(actual)];
    }),
  );
  return reasons.length > 0 ? matchOf(reasons, reasons.length * weight) : NO_MATCH;
}

function matchLinkedThreat(values: string[], story: PreparedStory): RuleMatch {
  const wanted = new Set(values.map((v) => v.trim().toLowerCase()));
  const reasons = story.linked.flatMap((t) => {
    if (wanted.has(t.id.toLowerCase())) return [`links threat ${t.id}`];
    if (t.templateId !== undefined && wanted.has(t.templateId.toLowerCase()))
      return [`links threat ${t.id} (from ${t.templateId})`];
    return [];
  });
  return reasons.length > 0 ? matchOf(reasons, unique(reasons).length * MATCH_WEIGHTS.linkedThreat) : NO_MATCH;
}

/** Branches that matched, as one match: every reason, the sum of their scores, every clause. */
const combined = (matches: RuleMatch[]): RuleMatch =>
  matchOf(
    matches.flatMap((m) => m.reasons),
    matches.reduce((sum, m) => sum + m.score, 0),
    matches.flatMap((m) => m.clauses),
  );

function evaluate(rule: Rule, story: PreparedStory): RuleMatch {
  if ('always' in rule) return matchOf(['applies to every story'], 0);
  if ('issueType' in rule) {
    const type = story.issueType.toLowerCase();
    // Every story of the type matches: no sign of this story in particular.
    return rule.issueType.some((t) => t.trim().toLowerCase() === type)
      ? matchOf([`issue type is ${story.issueType}`], 0)
      : NO_MATCH;
  }
  if ('label' in rule) return matchValues(rule.label, story.labels, (l) => `label "${l}"`, MATCH_WEIGHTS.label);
  if ('component' in rule)
    return matchValues(rule.component, story.components, (c) => `component "${c}"`, MATCH_WEIGHTS.component);
  if ('words' in rule) return matchWords(rule, story);
  if ('linkedThreat' in rule) return matchLinkedThreat(rule.linkedThreat, story);
  if ('all' in rule) {
    const matches: RuleMatch[] = [];
    for (const branch of rule.all) {
      const result = evaluate(branch, story);
      if (!result.matched) return NO_MATCH;
      matches.push(result);
    }
    return combined(matches);
  }
  if ('any' in rule) {
    const matches = rule.any.map((branch) => evaluate(branch, story)).filter((r) => r.matched);
    return matches.length > 0 ? combined(matches) : NO_MATCH;
  }
  // `not` matches by an absence, which is no reason to show a person, nor a sign of this story.
  return evaluate(rule.not, story).matched ? NO_MATCH : matchOf([], 0);
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
