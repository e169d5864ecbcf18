import type { FieldFunction, FieldSpec, Scalar } from './field-spec';
import { FUNCTIONS_SUPPORTED, JIRA_FUNCTIONS_NOT_SUPPORTED } from './jira-names';
import {
  functionNotSupportedByField,
  functionNotSupportedLocally,
  unknownFunction,
  wrongArgumentCount,
  type JqlError,
} from './jql-error';
import { functionCall } from './operand-terms';

interface FunctionTerm {
  name: string;
  args: string[];
}

export function callFunction(spec: FieldSpec, term: FunctionTerm, field: string): readonly Scalar[] {
  const fn = spec.functions?.get(term.name.toLowerCase());
  if (!fn) throw functionProblem(term, field);
  return fn(term.args);
}

export function functionProblem(term: FunctionTerm, field: string): JqlError {
  const name = term.name.toLowerCase();
  if (FUNCTIONS_SUPPORTED.has(name)) return functionNotSupportedByField(term.name, field);
  if (JIRA_FUNCTIONS_NOT_SUPPORTED.has(name)) return functionNotSupportedLocally(functionCall(term.name, term.args));
  return unknownFunction(functionCall(term.name, term.args));
}

/** A function without arguments, as all the functions the local site supports are. */
export function withoutArguments(name: string, values: () => readonly Scalar[]): [string, FieldFunction] {
  const fn: FieldFunction = (args) => {
    if (args.length > 0) throw wrongArgumentCount(name, 0, args.length);
    return values();
  };
  return [name.toLowerCase(), fn];
}
