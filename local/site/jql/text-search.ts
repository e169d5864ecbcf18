import { jqlError } from './jql-error';

// A small stand-in for Jira's Lucene text search: case-insensitive, word based, every term
// of the query must occur (in any order), a term like "T-3" or an inner-quoted phrase must
// occur as consecutive words, `*` and `?` are wildcards, and a trailing plural 's' is
// ignored as a minimal stemming. Lucene operators are refused rather than misread.

const WORD = /[\p{L}\p{N}]+/gu;
const QUERY_WORD = /[\p{L}\p{N}*?]+/gu;
const LUCENE_OPERATOR = /^(?:AND|OR|NOT|&&|\|\|)$|^[+-]\S/;

export const wordsOf = (text: string): string[] => text.toLowerCase().match(WORD) ?? [];

export type TextQuery = (words: readonly string[]) => boolean;

export function compileTextQuery(raw: string, field: string): TextQuery {
  const terms = termsOf(raw);
  if (terms.length === 0) throw jqlError(`The field '${field}' does not support searching for an empty string.`);
  if (terms.some((words) => /^[*?]/.test(words[0] ?? ''))) {
    throw jqlError(
      `The text query '${raw}' for field '${field}' is not allowed to start with the wildcard character '*' or '?'.`,
    );
  }
  const matchers = terms.map((term) => term.map(wordMatcher));
  return (words) => matchers.every((sequence) => containsSequence(words, sequence));
}

function termsOf(raw: string): string[][] {
  const phrases = [...raw.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? '');
  const rest = raw
    .replace(/"[^"]*"/g, ' ')
    .split(/\s+/)
    .filter((t) => t !== '');
  const refused = rest.find((t) => LUCENE_OPERATOR.test(t));
  if (refused) throw jqlError(`The local Jira site does not support the text search operator '${refused}'.`);
  return [...phrases, ...rest]
    .map((term) => term.toLowerCase().match(QUERY_WORD) ?? [])
    .filter((words) => words.length > 0);
}

type WordMatcher = (word: string) => boolean;

function wordMatcher(queryWord: string): WordMatcher {
  if (/[*?]/.test(queryWord)) {
    const pattern = new RegExp(
      `^${queryWord.replace(/\*/g, '[\\p{L}\\p{N}]*').replace(/\?/g, '[\\p{L}\\p{N}]')}$`,
      'u',
    );
    return (word) => pattern.test(word);
  }
  const stem = stemOf(queryWord);
  return (word) => word === queryWord || stemOf(word) === stem;
}

const stemOf = (word: string) =>
  word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;

function containsSequence(words: readonly string[], sequence: readonly WordMatcher[]): boolean {
  for (let start = 0; start + sequence.length <= words.length; start += 1) {
    if (sequence.every((matches, offset) => matches(words[start + offset] ?? ''))) return true;
  }
  return false;
}
