import type { ClauseEvidence } from '../../domain/compliance/clause-evidence';
import { linkedThreatIds, readStoryClauses } from '../../domain/story/story-clauses';
import type { ThreatModelSettings } from '../../domain/threat-model/threat-model-settings';
import type { JiraClient } from '../../jira/client/jira-client';
import { jqlString } from '../../jira/client/jql';
import { searchIssues } from '../../jira/client/search-issues';
import { appFieldName, CLAUSES_FIELD_KEY, findAppFieldId } from '../../jira/story/clauses-field';

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
 * threats, and how many carry clauses. No request per story.
 */
export async function readBacklogEvidence(
  user: JiraClient,
  projectKey: string,
  settings: ThreatModelSettings,
): Promise<BacklogEvidence> {
  const fieldId = await findAppFieldId(user, CLAUSES_FIELD_KEY);
  const fieldName = await appFieldName(user, CLAUSES_FIELD_KEY);
  const { issueTypeNames, scopeJql } = settings.storyCoverage;
  const types = `issuetype in (${issueTypeNames.map(jqlString).join(', ')})${scopeJql ? ` AND (${scopeJql})` : ''}`;
  const issues = await searchIssues(user, {
    jql: `project = ${jqlString(projectKey)} AND ((${types}) OR ${jqlString(fieldName)} IS NOT EMPTY)`,
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
