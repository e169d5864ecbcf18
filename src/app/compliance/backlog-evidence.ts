import type { ClauseEvidence } from '../../domain/compliance/clause-evidence';
import { linkedThreatIds, readStoryClauses } from '../../domain/story/story-clauses';
import type { ThreatModelSettings } from '../../domain/threat-model/threat-model-settings';
import type { JiraClient } from '../../jira/client/jira-client';
import { jqlString } from '../../jira/client/jql';
import { searchIssues } from '../../jira/client/search-issues';
import { appFieldName, CLAUSES_FIELD_KEY, findAppFieldId } from '../../jira/story/clauses-field';
import { countedTypesClause, inProject, wrappedScope } from '../../jira/story/story-scope';

export interface BacklogEvidence {
  /** Story keys by the threat ids they link (clauses or directly). */
  storiesByThreat: Map<string, string[]>;
  clauseEvidence: ClauseEvidence;
  /** The JQL that finds the stories linking a threat, for links to Jira's search. */
  storiesJql: (threatId: string) => string;
}

/**
 * The project's stories (the issue types the settings name, within their scope JQL) and every
 * issue with WITHOUT clauses, in one paged search as the person: which stories link which
 * threats, and how many carry clauses. No request per story. The JQL is built as the audit's
 * (story-scope): the project first, the scope checked and wrapped, and only the counted issue
 * types the project has (`projectIssueTypes`), since Jira answers an unknown one with 400.
 */
export async function readBacklogEvidence(
  user: JiraClient,
  projectKey: string,
  settings: ThreatModelSettings,
  projectIssueTypes: string[],
): Promise<BacklogEvidence> {
  const fieldId = await findAppFieldId(user, CLAUSES_FIELD_KEY);
  const fieldName = await appFieldName(user, CLAUSES_FIELD_KEY);
  const coverage = settings.storyCoverage;
  const hasClauses = `${jqlString(fieldName)} IS NOT EMPTY`;
  const types = countedTypesClause(coverage, projectIssueTypes);
  const counted = types && [types, wrappedScope(coverage)].filter(Boolean).join(' AND ');
  const issues = await searchIssues(user, {
    jql: inProject(projectKey, counted ? `((${counted}) OR ${hasClauses})` : hasClauses),
    fields: [fieldId],
  });
  const storiesByThreat = new Map<string, string[]>();
  const evidence: ClauseEvidence = { stories: 0, storiesWithClauses: 0, clauses: 0, linkedClauses: 0 };
  for (const issue of new Map(issues.map((i) => [i.key, i])).values()) {
    const { clauses, directThreatIds } = readStoryClauses(issue.fields[fieldId]);
    evidence.stories += 1;
    if (clauses.length > 0) evidence.storiesWithClauses += 1;
    evidence.clauses += clauses.length;
    evidence.linkedClauses += clauses.filter((c) => c.threatIds.length > 0).length;
    for (const id of linkedThreatIds(clauses, directThreatIds)) {
      const keys = storiesByThreat.get(id);
      if (keys) keys.push(issue.key);
      else storiesByThreat.set(id, [issue.key]);
    }
  }
  const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  for (const keys of storiesByThreat.values()) keys.sort(byNumber);
  return {
    storiesByThreat,
    clauseEvidence: evidence,
    storiesJql: (threatId) =>
      `project = ${jqlString(projectKey)} AND ${jqlString(fieldName)}.threat = ${jqlString(threatId)}`,
  };
}
