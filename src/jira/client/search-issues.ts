import { route } from '@forge/api';
import type { JiraClient } from './jira-client';
import { z } from 'zod';
import { IssueRecord, SearchPage } from './jira-schemas';

/** "Accepts max 50 ids" (search/jql, reconcileIssues). */
export const MAX_RECONCILE = 50;

export interface IssueSearch {
  jql: string;
  fields?: string[];
  /** Issue properties to return with each issue (Jira allows up to 5). */
  properties?: string[];
  pageSize?: number;
  /** Stop after this many issues (a safety bound; the default reads everything). */
  limit?: number;
  /**
   * Ids of issues the caller has just written: Jira's search is not read-after-write consistent,
   * and only these (at most 50; more are refused) are answered as they are now.
   * https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/
   */
  reconcileIssues?: string[];
  /** Told the number of issues read so far after every page (progress of long reads). */
  onPage?: (read: number) => void | Promise<void>;
  /** Only issues this takes are kept and counted (e.g. those of the project asked for). */
  keep?: (issue: IssueRecord) => boolean;
}

/**
 * Every issue matching the JQL, paging by nextPageToken. Properties come in the same
 * answer as the issues: never one extra request per issue.
 */
export async function searchIssues(client: JiraClient, search: IssueSearch): Promise<IssueRecord[]> {
  const reconcile = [...new Set(search.reconcileIssues ?? [])].filter((id) => /^\d+$/.test(id)).map(Number);
  if (reconcile.length > MAX_RECONCILE)
    throw new Error(`A search can reconcile at most ${MAX_RECONCILE} issues; read the others by id.`);
  const issues: IssueRecord[] = [];
  let nextPageToken: string | undefined;
  do {
    const page = await client.post(
      route`/rest/api/3/search/jql`.value,
      {
        jql: search.jql,
        fields: search.fields ?? ['id'],
        properties: search.properties ?? [],
        maxResults: search.pageSize ?? 100,
        // The same list on every page, as Jira asks.
        ...(reconcile.length > 0 ? { reconcileIssues: reconcile } : {}),
        ...(nextPageToken ? { nextPageToken } : {}),
      },
      SearchPage,
      { readOnly: true },
    );
    issues.push(...(search.keep ? page.issues.filter(search.keep) : page.issues));
    await search.onPage?.(issues.length);
    // A page may hold fewer issues than maxResults while more follow: only a missing
    // nextPageToken ends the search.
    nextPageToken = page.isLast === false || page.nextPageToken ? page.nextPageToken : undefined;
  } while (nextPageToken && issues.length < (search.limit ?? Number.POSITIVE_INFINITY));
  return search.limit ? issues.slice(0, search.limit) : issues;
}

const BulkIssues = z.looseObject({ issues: z.array(IssueRecord) });
/** Issues one bulk fetch answers at most (Jira's limit). */
export const BULK_MAX = 100;

/**
 * Issues by id or key, as Jira has them now (not through the search index): 100 a request.
 * Unknown issues and those the caller may not browse are left out. The order is Jira's (by id).
 */
export async function readIssuesById(
  client: JiraClient,
  idsOrKeys: string[],
  options: { fields: string[]; properties?: string[] },
): Promise<IssueRecord[]> {
  const unique = [...new Set(idsOrKeys)];
  const issues: IssueRecord[] = [];
  for (let i = 0; i < unique.length; i += BULK_MAX) {
    const page = await client.post(
      route`/rest/api/3/issue/bulkfetch`.value,
      { issueIdsOrKeys: unique.slice(i, i + BULK_MAX), fields: options.fields, properties: options.properties ?? [] },
      BulkIssues,
      { readOnly: true },
    );
    issues.push(...page.issues);
  }
  return issues;
}

const IssueCount = z.looseObject({ count: z.number().int().min(0) });

/**
 * How many issues the JQL matches (that the caller may browse), in one request that reads no
 * issue: Jira's estimate, from the same search index as searchIssues (recent writes may not show
 * yet), and the JQL must be bounded.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-approximate-count-post
 */
export async function countIssues(client: JiraClient, jql: string): Promise<number> {
  const answer = await client.post(route`/rest/api/3/search/approximate-count`.value, { jql }, IssueCount, {
    readOnly: true,
  });
  return answer.count;
}
