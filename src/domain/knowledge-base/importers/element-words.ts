import { type Rule } from '../knowledge-base';

/**
 * Words a story uses when it touches a kind of element of a data-flow diagram. pytm and the
 * Microsoft TMT say which elements a threat concerns (a Server, a Datastore, a Dataflow...), but a
 * story does not name diagram elements; these words turn that into an `appliesWhen` rule that a
 * story can match. Deliberately broad: a first filter that a security champion narrows later.
 */
const ELEMENT_WORDS = {
  process: ['service', 'backend', 'application', 'app', 'process', 'job', 'worker'],
  server: ['server', 'web', 'website', 'page', 'http', 'api', 'endpoint'],
  lambda: ['lambda', 'serverless', 'function'],
  'data-flow': [
    'request',
    'api',
    'http',
    'network',
    'connection',
    'message',
    'upload',
    'download',
    'transfer',
    'sync',
    'send',
  ],
  'data-store': ['database', 'db', 'storage', 'store', 'save', 'persist', 'file', 'record', 'cache'],
  'external-entity': ['user', 'customer', 'client', 'browser', 'mobile', 'partner', 'third party', 'external'],
  llm: ['llm', 'ai', 'chatbot', 'assistant', 'prompt', 'gpt', 'language model'],
  agent: ['agent', 'ai agent', 'tool', 'mcp', 'llm'],
} as const satisfies Record<string, readonly string[]>;

export type ElementKind = keyof typeof ELEMENT_WORDS;

export const elementWords = (kind: ElementKind): readonly string[] => ELEMENT_WORDS[kind];

// Words of element names that say nothing a story would use to mean that element.
const NAME_NOISE = new Set([
  'generic',
  'the',
  'and',
  'for',
  'non',
  'running',
  'microsoft',
  'applications',
  'application',
  'process',
  'boundary',
  'boundaries',
  'trust',
  'interface',
]);

/** The words of an element's name: the whole name and its telling words ("SQL Database": "sql database", "sql", "database"). */
export function wordsOfName(name: string): string[] {
  const whole = name.replace(/\s+/g, ' ').trim().toLowerCase();
  const tokens = whole.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length >= 3 && !NAME_NOISE.has(t));
  return whole ? [whole, ...tokens] : [];
}

const MAX_WORDS = 200;

/** A words rule for any of `words` (deduplicated, case-insensitive), or always when none. */
export function wordsRule(words: Iterable<string>): Rule {
  const unique = [...new Map([...words].map((w) => [w.trim().toLowerCase(), w.trim()])).values()].filter(Boolean);
  return unique.length > 0 ? { words: unique.slice(0, MAX_WORDS).map((w) => w.slice(0, 200)) } : { always: true };
}
