import { scopeJqlProblem, type StoryCoverageSettings } from '../../domain/audit/story-coverage-settings';
import { jqlString } from '../client/jql';

// The JQL that says which issues are stories for coverage. The project's own scope JQL is
// checked for its shape again here (the stored settings are input: anyone with project admin
// can write them through the REST API) and only ever read inside `project = X AND (...)`.

/** The project's scope JQL in parentheses, or undefined when there is none; throws when it could escape them. */
export function wrappedScope(settings: StoryCoverageSettings): string | undefined {
  const scope = settings.scopeJql.trim();
  if (scope === '') return undefined;
  const problem = scopeJqlProblem(scope);
  if (problem) throw new Error(`The story scope JQL in the project's settings cannot be used: ${problem}`);
  return `(${scope})`;
}

/**
 * `issuetype in (...)` for the counted types that exist in the project, or undefined when none
 * does: Jira answers a type name it does not know with 400, which must not fail a whole audit.
 */
export function countedTypesClause(settings: StoryCoverageSettings, projectTypes: string[]): string | undefined {
  const known = new Map(projectTypes.map((t) => [t.trim().toLowerCase(), t]));
  const names = [...new Set(settings.issueTypeNames.flatMap((n) => known.get(n.trim().toLowerCase()) ?? []))];
  return names.length === 0 ? undefined : `issuetype in (${names.map(jqlString).join(', ')})`;
}

/** The project, and then every clause given, ANDed: the project always comes first and is never inside an OR. */
export const inProject = (projectKey: string, ...clauses: Array<string | undefined>): string =>
  [`project = ${jqlString(projectKey)}`, ...clauses.filter((c): c is string => c !== undefined)].join(' AND ');
