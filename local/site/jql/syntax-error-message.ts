import { JQLSyntaxError, type JQLParseError } from '@atlassianlabs/jql-ast';

// Turns the ANTLR message of Atlassian's parser into the wording of Jira's own parser.

export interface SyntaxErrorSource {
  original: string;
  rewritten: string;
  toOriginalOffset(offset: number): number;
}

export function syntaxErrorMessage(error: JQLParseError, source: SyntaxErrorSource): string {
  if (!(error instanceof JQLSyntaxError)) return `Error in the JQL Query: ${error.message}`;
  const offending =
    error.start < source.rewritten.length
      ? source.rewritten.slice(error.start, Math.max(error.stop, error.start + 1))
      : undefined;
  const { line, column } = locate(source.original, source.toOriginalOffset(error.start));
  return `Error in the JQL Query: ${detail(error.message, offending)} (line ${line}, character ${column})`;
}

function detail(message: string, offending: string | undefined): string {
  if (offending !== undefined && isUnfinishedString(offending))
    return `The quoted string '${offending}' has not been completed.`;
  const got = offending === undefined ? 'end of query' : `'${offending}'`;
  const expected = expectation(message);
  return `Expecting ${expected.text} but got ${got}.${expected.note ?? ''}${quotingHint(expected.role, offending)}`;
}

// Jira's hint for a reserved word, such as 'true' or 'order', where a value or field was expected.
function quotingHint(role: string | undefined, offending: string | undefined): string {
  if (!role || offending === undefined || !/^\w+$/.test(offending)) return '';
  return ` You must surround '${offending}' in quotation marks to use it as a ${role}.`;
}

const VALID_OPERATORS =
  " Valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

function expectation(message: string): { text: string; note?: string; role?: string } {
  const expected = message.split(' expecting ')[1] ?? message.match(/^missing (.*) at /)?.[1] ?? '';
  if (expected.includes("'='")) return { text: 'operator', note: VALID_OPERATORS };
  if (expected.includes('STRING') && !expected.includes('CUSTOMFIELD'))
    return { text: 'either a value, list or function', role: 'value' };
  if (expected.includes('CUSTOMFIELD')) return { text: 'a field name', role: 'field name' };
  if (expected.includes('ORDER')) return { text: "either 'OR' or 'AND'" };
  if (expected.includes("','")) return { text: "either ',' or ')'" };
  return { text: expected || 'a valid query' };
}

function isUnfinishedString(token: string): boolean {
  const quote = token.charAt(0);
  return (quote === '"' || quote === "'") && (token.length === 1 || !token.endsWith(quote));
}

function locate(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset)).split('\n');
  return { line: before.length, column: (before[before.length - 1] ?? '').length + 1 };
}
