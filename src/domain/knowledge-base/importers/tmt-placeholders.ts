import { type KnowledgeBase } from '../knowledge-base';

/**
 * Microsoft TMT writes its threat texts for a diagram: "Spoofing the {source.Name} Process",
 * "{target.Name} may be spoofed", filled in with element names when the tool runs on a model. A
 * story has no diagram, so a placeholder would reach a person as it is. Here each one becomes the
 * element's kind where the template names one for that role (its generation filter says "target is
 * 'SE.DS.TMCore.SQL'": "the SQL Database"), else the role in words ("the target"). The import does
 * this, and so does every read of a stored knowledge base, which may come from an older import.
 */

export type PlaceholderRole = 'source' | 'target' | 'flow';
/** The element kind the template names for a role, when it names exactly one. */
export type RoleNames = Partial<Record<PlaceholderRole, string>>;

const ROLE_PLACEHOLDER = /\{\s*(source|target|flow)\s*\.\s*name\s*\}/gi;
// Any other "{something.like.this}": a field the tool would fill in, never words for a person.
const OTHER_PLACEHOLDER = /\{\s*([A-Za-z_][\w-]*)(?:\s*\.\s*[\w-]+)*\s*\}/g;
const ROLE_WORDS: Record<PlaceholderRole, string> = { source: 'source', target: 'target', flow: 'data flow' };
// Kinds a template names its elements by; beside a placeholder they already say what it is.
const KIND = /(?:process|external (?:destination )?entity|data ?store|data flow|web server|web application)/i;
const KIND_AFTER = new RegExp(`^\\s+${KIND.source}\\b`, 'i');
const KIND_BEFORE = new RegExp(`\\b${KIND.source}\\s+$`, 'i');
const ARTICLE_BEFORE = /\b(?:the|a|an|this|that|its)\s+$/i;
const GENERIC_NAMES = new Set(['process', 'data store', 'external entity', 'data flow']);

/** The TMT generic elements a filter names, as the words a placeholder becomes. */
export const GENERIC_ELEMENT_NAMES: Record<string, string> = {
  'GE.P': 'process',
  'GE.DS': 'data store',
  'GE.EI': 'external entity',
  'GE.DF': 'data flow',
};

const isRole = (value: string): value is PlaceholderRole =>
  value === 'source' || value === 'target' || value === 'flow';
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
// Title Case for the words put into a title; "the" stays small unless it starts the title.
const titleCase = (text: string, atStart: boolean): string =>
  text.replace(/\b[a-z]\w*/g, (word, at: number) =>
    word === 'the' && !(atStart && at === 0) ? word : capitalise(word),
  );

/** The words for a role: its kind when the template names one ("the target process"), else the role. */
function roleWords(role: PlaceholderRole, names: RoleNames): string {
  const name = names[role];
  if (name === undefined) return ROLE_WORDS[role];
  // A generic kind keeps the role ("source process", "target process" are different elements).
  if (GENERIC_NAMES.has(name.toLowerCase())) return role === 'flow' ? name : `${role} ${name}`;
  return name;
}

function replacement(role: PlaceholderRole, names: RoleNames, before: string, after: string): string {
  // "Data Flow {flow.Name} Is Interrupted", "data store '{source.Name}' inputs": the kind or the
  // sentence already says which element; the name was extra.
  if (KIND_BEFORE.test(before) || (/'$/.test(before) && /^'/.test(after))) return '';
  // "the {source.Name} Process": the kind follows, the role tells source from target.
  if (KIND_AFTER.test(after)) return ROLE_WORDS[role] === 'data flow' ? 'data flow' : role;
  const words = roleWords(role, names);
  return ARTICLE_BEFORE.test(before) ? words : `the ${words}`;
}

const tidy = (text: string): string =>
  text
    .replace(/''/g, '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([.,;:!?])/g, '$1')
    .replace(/^\s+|\s+$/g, '');

/**
 * The text with every placeholder resolved or removed. A title keeps its Title Case ("Spoofing the
 * Source Process"); in running text a sentence that starts with one starts with a capital.
 */
export function readablePlaceholders(text: string, names: RoleNames = {}, options: { title?: boolean } = {}): string {
  if (!text.includes('{')) return text;
  const parts: string[] = [];
  // The last 80 characters written: only the words next to a placeholder decide what it becomes,
  // and a bounded look keeps a file of many placeholders linear.
  let near = '';
  let last = 0;
  const firstWord = text.search(/\S/);
  for (const match of text.matchAll(ROLE_PLACEHOLDER)) {
    const role = (match[1] ?? '').toLowerCase();
    const at = match.index;
    const between = text.slice(last, at);
    near = (near + between.slice(-80)).slice(-80);
    const after = text.slice(at + match[0].length, at + match[0].length + 80);
    let words = isRole(role) ? replacement(role, names, near, after) : '';
    if (options.title) words = titleCase(words, at === firstWord);
    else if (/(^|[.!?]\s+)$/.test(near)) words = capitalise(words);
    parts.push(between, words);
    near = (near + words).slice(-80);
    last = at + match[0].length;
  }
  parts.push(text.slice(last));
  let out = parts.join('');
  out = out.replace(OTHER_PLACEHOLDER, (_, role: string) =>
    options.title ? titleCase(`the ${role.toLowerCase()}`, false) : `the ${role.toLowerCase()}`,
  );
  // Whatever braces are left are not a template's words either.
  return tidy(out.replace(/[{}]/g, ''));
}

const ROLE_IS = /\b(source|target|flow)\s+is\s+'([^']+)'/gi;

/**
 * The kind a generation filter names for each role, when it names exactly one ("source is 'GE.P'
 * and (target is 'GE.P' or target is 'GE.DS')": the source is a process, the target either).
 * `nameOf` gives an element's name from the template; without it, only the generic kinds are known.
 */
export function roleNamesOf(include: string, nameOf: (id: string) => string | undefined = () => undefined): RoleNames {
  const ids = new Map<PlaceholderRole, Set<string>>();
  for (const match of include.matchAll(ROLE_IS)) {
    const role = (match[1] ?? '').toLowerCase();
    if (!isRole(role) || match[2] === 'ROOT') continue;
    ids.set(role, (ids.get(role) ?? new Set()).add(match[2] ?? ''));
  }
  const names: RoleNames = {};
  for (const [role, set] of ids) {
    if (set.size !== 1) continue;
    const [id] = [...set];
    const name =
      (id &&
        (GENERIC_ELEMENT_NAMES[id] ??
          nameOf(id)
            ?.replace(/^Generic\s+/i, '')
            .trim())) ||
      undefined;
    if (name) names[role] = name;
  }
  return names;
}

const clipTo = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

/** The filter a TMT import kept as a reference ("include: source is 'GE.P' ..."), or "". */
const includeOf = (references: ReadonlyArray<{ kind: string; value: string }>): string =>
  references.find((r) => r.kind === 'condition' && r.value.startsWith('include:'))?.value ?? '';

const hasPlaceholder = (...texts: string[]): boolean => texts.some((t) => t.includes('{'));

/**
 * A stored knowledge base with its templates' placeholders resolved or removed: it is input, and
 * may come from an import made before the import resolved them. The same object when there is
 * nothing to change, so what is cached by knowledge base stays cached.
 */
export function readableTemplates(kb: KnowledgeBase): KnowledgeBase {
  const threatNames = new Map<string, RoleNames>();
  let changed = false;
  const threats = kb.threats.map((t) => {
    if (!hasPlaceholder(t.title, t.description)) return t;
    changed = true;
    const names = roleNamesOf(includeOf(t.references));
    threatNames.set(t.id, names);
    return {
      ...t,
      title: clipTo(readablePlaceholders(t.title, names, { title: true }), 200),
      description: clipTo(readablePlaceholders(t.description, names), 4000),
    };
  });
  const mitigations = kb.mitigations.map((m) => {
    if (!hasPlaceholder(m.title, m.implementation, m.verification)) return m;
    changed = true;
    const names = threatNames.get(m.addresses[0]?.threatId ?? '') ?? {};
    return {
      ...m,
      title: clipTo(readablePlaceholders(m.title, names, { title: true }), 200),
      implementation: clipTo(readablePlaceholders(m.implementation, names), 4000),
      verification: clipTo(readablePlaceholders(m.verification, names), 4000),
    };
  });
  return changed ? { ...kb, threats, mitigations } : kb;
}
