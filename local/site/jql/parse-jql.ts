import { JastBuilder, type Clause, type OrderBy } from '@atlassianlabs/jql-ast';
import { rewriteFieldAliases } from './field-aliases';
import { JqlError } from './jql-error';
import { syntaxErrorMessage } from './syntax-error-message';

export interface ParsedJql {
  where: Clause | undefined;
  orderBy: OrderBy | undefined;
  aliasedStarts: ReadonlySet<number>;
}

export function parseJql(jql: string): ParsedJql {
  const rewrite = rewriteFieldAliases(jql);
  const jast = new JastBuilder().build(rewrite.jql);
  const firstError = jast.errors[0];
  if (firstError) {
    throw new JqlError([
      syntaxErrorMessage(firstError, {
        original: jql,
        rewritten: rewrite.jql,
        toOriginalOffset: rewrite.toOriginalOffset,
      }),
    ]);
  }
  return {
    where: jast.query?.where ?? undefined,
    orderBy: jast.query?.orderBy ?? undefined,
    aliasedStarts: rewrite.aliasedStarts,
  };
}
