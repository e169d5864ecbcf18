import type { OperatorValue } from '@atlassianlabs/jql-ast';
import type { LocalIssue } from '../model';

export type Scalar = string | number;
export type Predicate = (issue: LocalIssue) => boolean;

/** A JQL function usable as a value of a field; returns the values it stands for. */
export type FieldFunction = (args: readonly string[]) => readonly Scalar[];

/** A numeric target, and the numbers of an issue to compare with it (`<`, `<=`, `>`, `>=`). */
export interface Ordinal {
  target: number;
  values(issue: LocalIssue): readonly number[];
}

/** What a searchable field can do; the operators it accepts follow from its capabilities. */
export interface FieldCapabilities {
  isEmpty(issue: LocalIssue): boolean;
  /** `=`, `!=`, `IN`, `NOT IN`: the issue's values, and the values a typed operand stands for. */
  values?(issue: LocalIssue): readonly Scalar[];
  resolve?(raw: string, field: string): readonly Scalar[];
  functions?: ReadonlyMap<string, FieldFunction>;
  ordinal?(raw: string, field: string): Ordinal;
  /** `~`, `!~`: the issue's words, lower-cased. */
  words?(issue: LocalIssue): readonly string[];
}

export interface FieldSpec extends FieldCapabilities {
  operators: ReadonlySet<OperatorValue>;
  /** Set for a field Jira accepts but never matches, like an entity property path that is not indexed. */
  matchesNothing?: true;
}

const MEMBERSHIP: OperatorValue[] = ['=', '!=', 'in', 'not in'];
const COMPARISON: OperatorValue[] = ['<', '<=', '>', '>='];
const TEXT_MATCH: OperatorValue[] = ['~', '!~'];
const EMPTINESS: OperatorValue[] = ['is', 'is not'];

export function defineField(capabilities: FieldCapabilities, options: { without?: OperatorValue[] } = {}): FieldSpec {
  const operators = [
    ...EMPTINESS,
    ...(capabilities.values && capabilities.resolve ? MEMBERSHIP : []),
    ...(capabilities.ordinal ? COMPARISON : []),
    ...(capabilities.words ? TEXT_MATCH : []),
  ];
  return { ...capabilities, operators: new Set(operators.filter((op) => !options.without?.includes(op))) };
}

export const NOTHING_MATCHES: FieldSpec = {
  isEmpty: () => false,
  operators: new Set<OperatorValue>([...MEMBERSHIP, ...COMPARISON, ...TEXT_MATCH, ...EMPTINESS]),
  matchesNothing: true,
};
