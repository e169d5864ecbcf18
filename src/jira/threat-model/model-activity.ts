import type { JiraClient } from '../client/jira-client';
import { jqlString } from '../client/jql';
import { countIssues, searchIssues } from '../client/search-issues';
import { TASK_PROPERTY } from '../mitigation/mitigation-task-repository';
import { appFieldName, CLAUSES_FIELD_KEY } from '../story/clauses-field';

const MINUTE = 60_000;

/** The project's mitigation tasks and stories with WITHOUT clauses: what the Threat model tab shows of Jira. */
async function modelIssuesJql(user: JiraClient, projectKey: string): Promise<string> {
  const fieldName = await appFieldName(user, CLAUSES_FIELD_KEY);
  return (
    `project = ${jqlString(projectKey)} AND ` +
    `(issue.property[${TASK_PROPERTY}].mitigationId IS NOT EMPTY OR ${jqlString(fieldName)} IS NOT EMPTY)`
  );
}

/**
 * Whether a mitigation task or a story with WITHOUT clauses of the project was updated since
 * `sinceMs` (a status moved, a clause was linked): one search for one issue id. JQL compares
 * dates to the minute, and relative dates ("-3m") count from Jira's now, in no one's time
 * zone; a minute more than the time passed covers the rounding and a search index that lags
 * the write it reports (Jira Cloud's search is eventually consistent).
 */
export async function issuesTouchedSince(
  user: JiraClient,
  projectKey: string,
  sinceMs: number,
  nowMs: number,
): Promise<boolean> {
  const minutes = Math.max(0, Math.ceil((nowMs - sinceMs) / MINUTE)) + 1;
  const found = await searchIssues(user, {
    jql: `${await modelIssuesJql(user, projectKey)} AND updated >= "-${minutes}m"`,
    pageSize: 1,
    limit: 1,
  });
  return found.length > 0;
}

/**
 * How many mitigation tasks and stories with clauses the project has (that the person may see),
 * in one request that reads no issue: what a deletion changes, which no search for updated
 * issues can see. Jira's estimate lags recent writes like its search; a later check sees it.
 */
export async function countModelIssues(user: JiraClient, projectKey: string): Promise<number> {
  return countIssues(user, await modelIssuesJql(user, projectKey));
}
