import type { JiraClient } from './jira-client';
import { hasSecurityLevel } from './jira-schemas';
import { BULK_MAX, readIssuesById } from './search-issues';

// JQL search answers from an index that follows writes with a delay: an issue a Jira
// administrator put under a security level a moment ago may still come back from search without
// it. https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/
// Where what the app writes would show such an issue to people outside the level (the stored
// audit, a task's description), its level is read as the issue is now: bulkfetch reads issues,
// not the index (only their `security`, 100 a request).
// https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-bulkfetch-post

/** Bulk fetch requests in flight at once: a 10,000-story project is 100 of them. */
const LANES = 4;

/**
 * The issues with `restricted` set from their levels as Jira has them now (`idOf`: an issue's id
 * or key). Only those not yet restricted are read again. An issue the read does not answer
 * (deleted, or now behind a level the caller is not in) is restricted: fail closed.
 */
export async function withLevelsNow<T extends { restricted?: boolean }>(
  client: JiraClient,
  issues: T[],
  idOf: (issue: T) => string,
): Promise<T[]> {
  const asked = issues.filter((i) => !i.restricted).map(idOf);
  if (asked.length === 0) return issues;
  const open = await withoutLevelNow(client, asked);
  return issues.map((i) => (i.restricted || open.has(idOf(i)) ? i : { ...i, restricted: true }));
}

/**
 * Of these issues (ids or keys), the ids and keys of those with no security level now; one the
 * read does not answer (deleted, or behind a level the caller is not in) is not among them.
 */
export async function withoutLevelNow(client: JiraClient, idsOrKeys: string[]): Promise<Set<string>> {
  const unique = [...new Set(idsOrKeys)];
  const open = new Set<string>();
  // Whole pages per lane: 150 issues are two requests, not four.
  const size = BULK_MAX * Math.ceil(Math.ceil(unique.length / BULK_MAX) / LANES);
  const lanes: string[][] = [];
  for (let i = 0; i < unique.length; i += size) lanes.push(unique.slice(i, i + size));
  await Promise.all(
    lanes.map(async (lane) => {
      for (const issue of await readIssuesById(client, lane, { fields: ['security'] }))
        if (!hasSecurityLevel(issue.fields)) open.add(issue.id).add(issue.key);
    }),
  );
  return open;
}
