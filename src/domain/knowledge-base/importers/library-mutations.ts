/**
 * Test support for the import fuzzer: deterministic ways to damage a real threat library, from
 * the careless (a truncated download, flipped bytes) to the hostile (a DOCTYPE, a "__proto__"
 * key, nesting 100,000 deep). Every mutation takes the text and a seeded random source, so a
 * failing case is reproduced by its seed alone.
 */

import { seededRandom, type Random } from '../../../../test/support/seeded-random';

export { seededRandom, type Random };

const below = (random: Random, n: number): number => Math.floor(random() * n);
const pick = <T>(random: Random, items: readonly T[]): T => items[below(random, items.length)] as T;

/** The matches of a pattern (global), each as where it starts and ends: capture group 1 when there is one, else the whole match. */
function spans(text: string, pattern: RegExp): Array<{ start: number; end: number }> {
  const withIndices = new RegExp(pattern.source, `${pattern.flags}d`);
  return [...text.matchAll(withIndices)].map((m) => {
    const [start, end] = m.indices?.[1] ?? m.indices?.[0] ?? [0, 0];
    return { start, end };
  });
}

/** Replaces one randomly chosen match of `pattern` (group 1 if any) with `replacement`; the text unchanged if none. */
function replaceOne(text: string, random: Random, pattern: RegExp, replacement: string): string {
  const found = spans(text, pattern);
  if (found.length === 0) return text;
  const { start, end } = pick(random, found);
  return `${text.slice(0, start)}${replacement}${text.slice(end)}`;
}

const insertAt = (text: string, at: number, insert: string): string => `${text.slice(0, at)}${insert}${text.slice(at)}`;

export const RESERVED = ['__proto__', 'constructor', 'prototype'] as const;
/** Names every object inherits besides the reserved ones: harmless as values, fatal as unchecked lookups. */
const INHERITED = ['toString', 'hasOwnProperty', 'valueOf', 'constructor', '__proto__', 'isPrototypeOf'] as const;
const NOISE = [
  '{',
  '}',
  '[',
  ']',
  '<',
  '>',
  '"',
  "'",
  ':',
  ',',
  '/',
  '\\',
  '&',
  ';',
  '!',
  '?',
  '=',
  '\u0000',
  '\n',
  '\ufeff',
  '\ud800',
  'é',
  '€',
  '0',
  '-',
  'e',
  ' ',
];
export const DEEP = [101, 2_000, 100_000] as const;
const HUGE = 1_000_000;

export interface Mutation {
  name: string;
  /** The file must be refused, with the line and column of the fault. */
  refused: boolean;
  apply: (text: string, random: Random) => string;
}

/** Mutations that know nothing of the format. */
const ANY_TEXT: Mutation[] = [
  { name: 'truncated', refused: false, apply: (text, random) => text.slice(0, below(random, text.length)) },
  {
    name: 'bytes flipped',
    refused: false,
    apply: (text, random) => {
      const chars = [...text];
      for (let n = 1 + below(random, 8); n > 0; n -= 1) chars[below(random, chars.length)] = pick(random, NOISE);
      return chars.join('');
    },
  },
  {
    name: 'a slice cut out',
    refused: false,
    apply: (text, random) => {
      const start = below(random, text.length);
      return text.slice(0, start) + text.slice(start + below(random, 2_000));
    },
  },
  {
    name: 'a slice repeated elsewhere',
    refused: false,
    apply: (text, random) => {
      const start = below(random, text.length);
      return insertAt(text, below(random, text.length), text.slice(start, start + below(random, 2_000)));
    },
  },
];

const JSON_KEY = /"([^"\\]{1,40})"\s*:/g;
// A string after a colon or in a list, and not itself a key.
const JSON_STRING_VALUE = /[:[,]\s*"([^"\\]{0,60})"(?!\s*:)/g;

export const JSON_MUTATIONS: Mutation[] = [
  ...ANY_TEXT,
  {
    name: 'a prototype key',
    refused: true,
    apply: (text, random) => replaceOne(text, random, JSON_KEY, pick(random, [...RESERVED, '\\u005f_proto__'])),
  },
  {
    name: 'an inherited name as a value',
    refused: false,
    apply: (text, random) => replaceOne(text, random, JSON_STRING_VALUE, pick(random, INHERITED)),
  },
  {
    name: 'a value nested deeply',
    refused: true,
    apply: (text, random) => {
      const depth = pick(random, DEEP);
      const deep =
        random() < 0.5
          ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
          : `${'{"all":['.repeat(depth)}{"always":true}${']}'.repeat(depth)}`;
      // After a key's closing quote, so the value replaced is never text inside a string.
      return replaceOne(text, random, /"\s*:\s*("[^"\\]*"|\d+|true|false|null)/g, deep);
    },
  },
  {
    name: 'brackets opened deeply, never closed',
    refused: true,
    apply: (text, random) => replaceOne(text, random, /"[^"\\]{1,40}"\s*:()/g, '['.repeat(pick(random, DEEP))),
  },
  {
    name: 'a huge string',
    refused: false,
    apply: (text, random) =>
      replaceOne(text, random, JSON_STRING_VALUE, pick(random, ['A', 'word ', 'é. ']).repeat(HUGE / 4)),
  },
];

const XML_START_TAG = /<([A-Za-z][\w.:-]*)[\s>/]/g;
const XML_AFTER_START_TAG = /<[A-Za-z][^<>]*[^/]>()/g;
const XML_TEXT = /<(?:Id|Category|Include|ShortTitle|Name|Description)>([^<]*)</g;

export const XML_MUTATIONS: Mutation[] = [
  ...ANY_TEXT,
  {
    name: 'a DOCTYPE',
    refused: true,
    apply: (text, random) => {
      const doctype = pick(random, [
        '<!DOCTYPE KnowledgeBase [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE KnowledgeBase [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
        '<!DOCTYPE KnowledgeBase SYSTEM "http://127.0.0.1:1/evil.dtd">',
      ]);
      const declarationEnd = text.indexOf('?>');
      return insertAt(text, declarationEnd === -1 ? 0 : declarationEnd + 2, `\n${doctype}\n`);
    },
  },
  {
    name: 'a prototype element name',
    refused: true,
    apply: (text, random) => replaceOne(text, random, XML_START_TAG, pick(random, RESERVED)),
  },
  {
    name: 'a prototype element inside',
    refused: true,
    apply: (text, random) =>
      replaceOne(
        text,
        random,
        XML_AFTER_START_TAG,
        `<${pick(random, RESERVED)}><polluted>yes</polluted></${pick(random, RESERVED)}>`,
      ),
  },
  {
    name: 'a prototype attribute',
    refused: true,
    apply: (text, random) => replaceOne(text, random, /<[A-Za-z][\w.:-]*()[\s>/]/g, ` ${pick(random, RESERVED)}="x"`),
  },
  {
    name: 'an inherited name as a value',
    refused: false,
    apply: (text, random) =>
      replaceOne(
        text,
        random,
        XML_TEXT,
        pick(random, [...INHERITED, "source is 'toString'", "target is 'constructor'"]),
      ),
  },
  {
    name: 'elements nested deeply',
    refused: true,
    apply: (text, random) => {
      const depth = pick(random, DEEP);
      return replaceOne(text, random, XML_AFTER_START_TAG, `${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`);
    },
  },
  {
    name: 'a huge text',
    refused: false,
    apply: (text, random) => replaceOne(text, random, XML_TEXT, pick(random, ['A', 'word ', 'é. ']).repeat(HUGE / 4)),
  },
];

/** Rules nested past the limit (32) but within the JSON one (100), and far past both. */
const DEEP_RULES = [33, 45, 2_000, 100_000] as const;

/** For the app's own format: the JSON mutations, and rules (appliesWhen) nested too deeply. */
export const OWN_FORMAT_MUTATIONS: Mutation[] = [
  ...JSON_MUTATIONS,
  {
    name: 'a rule nested deeply',
    refused: true,
    apply: (text, random) => {
      const depth = pick(random, DEEP_RULES);
      const [open, close] = pick(random, [
        ['{"all":[', ']}'],
        ['{"any":[', ']}'],
        ['{"not":', '}'],
      ] as const);
      return replaceOne(
        text,
        random,
        /"appliesWhen":\s*(\{[^{}]*\})/g,
        `${open.repeat(depth)}{"always":true}${close.repeat(depth)}`,
      );
    },
  },
];
