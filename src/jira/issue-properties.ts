import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraClient } from './jira-client';
import { JiraApiError } from './jira-errors';

const EntityProperty = z.looseObject({ key: z.string(), value: z.unknown() });

export async function getIssueProperty(client: JiraClient, issue: string, key: string): Promise<unknown> {
  try {
    return (await client.get(route`/rest/api/3/issue/${issue}/properties/${key}`.value, EntityProperty)).value;
  } catch (error) {
    if (error instanceof JiraApiError && error.kind === 'NOT_FOUND') return undefined;
    throw error;
  }
}

/** Writes a property; true when Jira created it (it did not exist before this write). */
export async function putIssueProperty(client: JiraClient, issue: string, key: string, value: unknown): Promise<boolean> {
  return (await client.putForStatus(route`/rest/api/3/issue/${issue}/properties/${key}`.value, value)) === 201;
}

export async function deleteIssueProperty(client: JiraClient, issue: string, key: string): Promise<void> {
  try {
    await client.delete(route`/rest/api/3/issue/${issue}/properties/${key}`.value);
  } catch (error) {
    if (!(error instanceof JiraApiError && error.kind === 'NOT_FOUND')) throw error;
  }
}
