import { route } from '@forge/api';
import type { JiraClient } from './jira-client';
import { SearchPage, type IssueRecord } from './jira-schemas';

export interface IssueSearch {
  jql: string;
  fields?: string[];
  /** Issue properties to return with each issue (Jira allows up to 5). */
  properties?: string[];
  pageSize?: number;
  /** Stop after this many issues (a safety bound; the default reads everything). */
  limit?: number;
  /** Told the number of issues read so far after every page (progress of long reads). */
  onPage?: (read: number) => void | Promise<void>;
}

/**
 * Every issue matching the JQL, paging by nextPageToken. Properties come in the same
 * answer as the issues: never one extra request per issue.
 */
export async function searchIssues(client: JiraClient, search: IssueSearch): Promise<IssueRecord[]> {
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
        ...(nextPageToken ? { nextPageToken } : {}),
      },
      SearchPage,
      { readOnly: true },
    );
    issues.push(...page.issues);
    await search.onPage?.(issues.length);
    nextPageToken = page.isLast === false || page.nextPageToken ? page.nextPageToken : undefined;
  } while (nextPageToken && issues.length < (search.limit ?? Number.POSITIVE_INFINITY));
  return search.limit ? issues.slice(0, search.limit) : issues;
}
