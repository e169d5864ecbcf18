import type { Clause, TerminalClause } from '@atlassianlabs/jql-ast';
import type { Predicate } from './field-spec';

/** The AND / OR / NOT structure of a query, with each terminal clause compiled by `leaf`. */
export function compileClause(clause: Clause, leaf: (terminal: TerminalClause) => Predicate): Predicate {
  switch (clause.clauseType) {
    case 'terminal':
      return leaf(clause);
    case 'not': {
      const inner = compileClause(clause.clause, leaf);
      return (issue) => !inner(issue);
    }
    case 'compound': {
      const parts = clause.clauses.map((child) => compileClause(child, leaf));
      return clause.operator.value === 'and'
        ? (issue) => parts.every((p) => p(issue))
        : (issue) => parts.some((p) => p(issue));
    }
  }
}
