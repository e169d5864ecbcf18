import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraClient } from '../client/jira-client';

const UserPage = z.looseObject({
  values: z.array(z.looseObject({ accountId: z.string(), displayName: z.string().optional() })),
});

/** Jira's /user/bulk answers at most this many people a page. */
export const USER_BULK_PAGE = 100;

/**
 * The display names of people the app stored only by account id (Atlassian's guidance for
 * personal data: keep the id, look the name up when it is shown). Read as the person looking,
 * so Jira's privacy settings decide what they see; ids Jira does not know are left out.
 */
export async function displayNames(user: JiraClient, accountIds: readonly string[]): Promise<Record<string, string>> {
  const ids = [...new Set(accountIds)].slice(0, USER_BULK_PAGE);
  if (ids.length === 0) return {};
  const query = new URLSearchParams([...ids.map((id) => ['accountId', id]), ['maxResults', String(USER_BULK_PAGE)]]);
  const page = await user.get(route`/rest/api/3/user/bulk?${query}`.value, UserPage);
  return Object.fromEntries(page.values.flatMap((u) => (u.displayName ? [[u.accountId, u.displayName]] : [])));
}
