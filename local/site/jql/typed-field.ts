import type { LocalIssue } from '../model';
import { defineField, type FieldCapabilities, type FieldSpec } from './field-spec';
import { withoutArguments } from './field-functions';
import { isRecord } from './json-path';
import type { JqlContext } from './jql-catalog';
import { parseJqlDate, storedDate } from './jql-dates';
import { notANumber } from './jql-error';
import { wordsOf } from './text-search';

// Fields whose values are plain JSON read from the issue: entity property indexes, the
// app's custom fields, and the system user and date fields. The type decides how values
// compare, as the `type` of a jira:entityProperty value does in Jira.

export type ValueType = 'number' | 'string' | 'text' | 'user' | 'date';
export const VALUE_TYPES: readonly ValueType[] = ['number', 'string', 'text', 'user', 'date'];

/** Reads the issue's values for the field, arrays already flattened, nulls left out. */
export type ReadValues = (issue: LocalIssue) => readonly unknown[];

export function typedField(type: ValueType, read: ReadValues, context: JqlContext): FieldSpec {
  const isEmpty = (issue: LocalIssue) => read(issue).length === 0;
  return defineField({ isEmpty, ...CAPABILITIES[type](read, context) });
}

type Capabilities = (read: ReadValues, context: JqlContext) => Omit<FieldCapabilities, 'isEmpty'>;

const CAPABILITIES: Record<ValueType, Capabilities> = {
  number: (read) => {
    const values = (issue: LocalIssue) => read(issue).filter((v): v is number => typeof v === 'number');
    const toNumber = (raw: string, field: string) => {
      const n = Number(raw);
      if (raw.trim() === '' || Number.isNaN(n)) throw notANumber(raw, field);
      return n;
    };
    return {
      values,
      resolve: (raw, field) => [toNumber(raw, field)],
      ordinal: (raw, field) => ({ target: toNumber(raw, field), values }),
    };
  },
  string: (read) => ({ values: (issue) => strings(read(issue)), resolve: (raw) => [raw] }),
  text: (read) => ({ words: (issue) => wordsOf(strings(read(issue)).join(' ')) }),
  user: (read, context) => ({
    values: (issue) =>
      read(issue)
        .map(accountIdOf)
        .filter((v): v is string => v !== undefined),
    resolve: (raw) => [raw],
    functions: new Map([withoutArguments('currentUser', () => [context.currentAccountId])]),
  }),
  date: (read, context) => {
    const values = (issue: LocalIssue) =>
      read(issue)
        .map(storedDate)
        .filter((v): v is number => v !== undefined);
    const toDate = (raw: string, field: string) => parseJqlDate(raw, field, context.now);
    return {
      values,
      resolve: (raw, field) => [toDate(raw, field)],
      ordinal: (raw, field) => ({ target: toDate(raw, field), values }),
    };
  },
};

const strings = (values: readonly unknown[]): string[] =>
  values.filter((v) => ['string', 'number', 'boolean'].includes(typeof v)).map(String);

function accountIdOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return isRecord(value) && typeof value.accountId === 'string' ? value.accountId : undefined;
}

export const isValueType = (value: unknown): value is ValueType => VALUE_TYPES.some((type) => type === value);
