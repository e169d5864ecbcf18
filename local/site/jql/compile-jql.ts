import type { TerminalClause } from '@atlassianlabs/jql-ast';
import type { LocalIssue } from '../model';
import { compileClause } from './compile-clause';
import { compileOrderBy } from './compile-order-by';
import { compileTerminal } from './compile-terminal';
import { createFieldResolver, fieldRefOf, type ResolveField } from './field-resolver';
import type { Predicate } from './field-spec';
import { issueOrders } from './issue-ordering';
import type { JqlCatalog } from './jql-catalog';
import { JqlError } from './jql-error';
import { parseJql } from './parse-jql';

export type { IndexedPropertyValue, JqlCatalog } from './jql-catalog';
export { JqlError } from './jql-error';

export interface CompiledJql {
  matches(issue: LocalIssue): boolean;
  compare(a: LocalIssue, b: LocalIssue): number;
}

/**
 * Compiles a JQL query once into a predicate and an order over the site's issues.
 * Throws JqlError with every problem Jira would report, worded like Jira.
 */
export function compileJql(jql: string, catalog: JqlCatalog): CompiledJql {
  const parsed = parseJql(jql);
  const resolveField = createFieldResolver(catalog, { currentAccountId: catalog.currentAccountId, now: Date.now() });
  const errors: string[] = [];
  const collect = <T>(compile: () => T, fallback: T): T => {
    try {
      return compile();
    } catch (error) {
      if (!(error instanceof JqlError)) throw error;
      errors.push(...error.errorMessages);
      return fallback;
    }
  };
  const leaf = (clause: TerminalClause): Predicate =>
    collect(
      () => compileLeaf(clause, resolveField, parsed.aliasedStarts),
      () => false,
    );
  const matches = parsed.where ? compileClause(parsed.where, leaf) : () => true;
  const compare = collect(
    () => compileOrderBy(parsed.orderBy, issueOrders(catalog), resolveField),
    () => 0,
  );
  if (errors.length > 0) throw new JqlError([...new Set(errors)]);
  return { matches, compare };
}

function compileLeaf(
  clause: TerminalClause,
  resolveField: ResolveField,
  aliasedStarts: ReadonlySet<number>,
): Predicate {
  const ref = fieldRefOf(clause.field, aliasedStarts);
  return compileTerminal(clause, resolveField(ref), ref.display);
}
