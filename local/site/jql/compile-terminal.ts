import type { ComparisonOperatorValue, Operand, OperatorValue, TerminalClause } from '@atlassianlabs/jql-ast';
import { callFunction, functionProblem } from './field-functions';
import type { FieldSpec, Predicate, Scalar } from './field-spec';
import {
  emptyOperandNotSupported,
  jqlError,
  listOperandNotSupported,
  onlyEmptySupported,
  operatorNotSupported,
} from './jql-error';
import { operandText, termsOf } from './operand-terms';
import { compileTextQuery } from './text-search';

const NEVER: Predicate = () => false;

/** One `field operator operand` clause as a predicate over issues. */
export function compileTerminal(clause: TerminalClause, spec: FieldSpec, field: string): Predicate {
  const { operator, operand } = clause;
  if (operator && !spec.operators.has(operator.value)) throw operatorNotSupported(operator.value, field);
  if (!operator || !operand) throw jqlError(`The clause on the field '${field}' is incomplete.`);
  const op = operator.value;
  if (spec.matchesNothing) return NEVER;
  if (op === 'is' || op === 'is not') return compileEmptiness(spec, op, operand);
  if (op === '~' || op === '!~') return compileTextMatch(spec, op, operand, field);
  if (isComparison(op)) return compileComparison(spec, op, operand, field);
  return compileMembership(spec, op, operand, field);
}

function compileEmptiness(spec: FieldSpec, op: 'is' | 'is not', operand: Operand): Predicate {
  if (operand.operandType !== 'keyword') throw onlyEmptySupported(op);
  return op === 'is' ? (issue) => spec.isEmpty(issue) : (issue) => !spec.isEmpty(issue);
}

// As in Jira, the negative operators (!=, NOT IN, !~) never match an issue where the field is empty.
function compileMembership(spec: FieldSpec, op: OperatorValue, operand: Operand, field: string): Predicate {
  const { values, resolve } = spec;
  if (!values || !resolve) throw operatorNotSupported(op, field);
  const wanted = new Set<Scalar>();
  let withEmpty = false;
  for (const term of termsOf(operand)) {
    if (term.kind === 'empty') withEmpty = true;
    else
      (term.kind === 'value' ? resolve(term.value, field) : callFunction(spec, term, field)).forEach((v) =>
        wanted.add(v),
      );
  }
  const hits: Predicate = (issue) => values(issue).some((v) => wanted.has(v));
  if (op === '=' || op === 'in') return withEmpty ? (issue) => hits(issue) || spec.isEmpty(issue) : hits;
  return (issue) => !spec.isEmpty(issue) && !hits(issue);
}

const COMPARE: Record<ComparisonOperatorValue, (value: number, target: number) => boolean> = {
  '<': (v, t) => v < t,
  '<=': (v, t) => v <= t,
  '>': (v, t) => v > t,
  '>=': (v, t) => v >= t,
};

const isComparison = (op: OperatorValue): op is ComparisonOperatorValue => Object.hasOwn(COMPARE, op);

function compileComparison(spec: FieldSpec, op: ComparisonOperatorValue, operand: Operand, field: string): Predicate {
  if (!spec.ordinal) throw operatorNotSupported(op, field);
  const { target, values } = spec.ordinal(singleValue(operand, op, field), field);
  const compare = COMPARE[op];
  return (issue) => values(issue).some((v) => compare(v, target));
}

function compileTextMatch(spec: FieldSpec, op: '~' | '!~', operand: Operand, field: string): Predicate {
  const { words } = spec;
  if (!words) throw operatorNotSupported(op, field);
  const query = compileTextQuery(singleValue(operand, op, field), field);
  if (op === '~') return (issue) => query(words(issue));
  return (issue) => {
    const found = words(issue);
    return found.length > 0 && !query(found);
  };
}

function singleValue(operand: Operand, op: OperatorValue, field: string): string {
  if (operand.operandType === 'list') throw listOperandNotSupported(op, operandText(operand));
  if (operand.operandType === 'keyword') throw emptyOperandNotSupported(op);
  if (operand.operandType === 'function') {
    throw functionProblem({ name: operand.function.value, args: operand.arguments.map((a) => a.value) }, field);
  }
  return operand.value;
}
