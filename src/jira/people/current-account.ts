import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraClient } from '../client/jira-client';

const Myself = z.looseObject({ accountId: z.string().min(1) });

/** The account the client acts as (outside Forge, whose context names it): the command line's person. */
export async function currentAccountId(user: JiraClient): Promise<string> {
  return (await user.get(route`/rest/api/3/myself`.value, Myself)).accountId;
}
