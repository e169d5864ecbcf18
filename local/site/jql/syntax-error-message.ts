import { JQLSyntaxError, type JQLParseError } from '@atlassianlabs/jql-ast';

// Turns the ANTLR message of Atlassian's parser into the wording of Jira's own parser.

export interface SyntaxErrorSource {
  original: string;
  rewritten: string;
  toOriginalOffset(offset: number): number;
}

export function syntaxErrorMessage(error: JQLParseError, source: SyntaxErrorSource): string {
  if (!(error instanceof JQLSyntaxError)) return `Error in the JQL Query: ${error.message}`;
  const offending = error.start < source.rewritten.length ? source.rewritten.slice(error.start, Math.max(error.stop, error.start + 1)) : undefined;
  const { line, column } = locate(source.original, source.toOriginalOffset(error.start));
  return `Error in the JQL Query: ${detail(error.message, offending)} (line ${line}, character ${column})`;
}

function detail(message: string, offending: string | undefined): string {
  if (offending !== undefined && isUnfinishedString(offending)) return `The quoted string '${offending}' has not been completed.`;
  const got = offending === undefined ? 'end of query' : `'${offending}'`;
  return `Expecting ${expectation(message)} but got ${got}.`;
}

function expectation(message: string): string {
  const expected = message.split(' expecting ')[1] ?? message.match(/^missing (.*) at /)?.[1] ?? '';
  if (expected.includes("'='")) return "operator. Valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'";
  if (expected.includes('EMPTY')) return 'either a value, list or function';
  if (expected.includes('CUSTOMFIELD')) return 'a field name';
  if (expected.includes('ORDER')) return "either 'OR' or 'AND'";
  if (expected.includes("','")) return "either ',' or ')'";
  return expected || 'a valid query';
}

function isUnfinishedString(token: string): boolean {
  const quote = token.charAt(0);
  return (quote === '"' || quote === "'") && (token.length === 1 || !token.endsWith(quote));
}

function locate(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset)).split('\n');
  return { line: before.length, column: (before[before.length - 1] ?? '').length + 1 };
}
