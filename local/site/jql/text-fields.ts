import type { LocalIssue } from '../model';
import { adfText } from './adf-text';
import { defineField, type FieldSpec } from './field-spec';
import { wordsOf } from './text-search';

const summaryWords = (issue: LocalIssue) => wordsOf(issue.summary);
const descriptionWords = (issue: LocalIssue) => wordsOf(adfText(issue.description));

export const summaryField = (): FieldSpec =>
  defineField({ isEmpty: (issue) => summaryWords(issue).length === 0, words: summaryWords });

export const descriptionField = (): FieldSpec =>
  defineField({ isEmpty: (issue) => descriptionWords(issue).length === 0, words: descriptionWords });

/** Jira's `text` searches every text field; the local site has summary and description. */
export const textField = (): FieldSpec =>
  defineField(
    { isEmpty: () => false, words: (issue) => [...summaryWords(issue), ...descriptionWords(issue)] },
    { without: ['!~', 'is', 'is not'] },
  );
