import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraClient } from './jira-client';
import { JiraApiError } from './jira-errors';

const PropertyKeys = z.looseObject({ keys: z.array(z.looseObject({ key: z.string() })) });
const EntityProperty = z.looseObject({ key: z.string(), value: z.unknown() });

/** Keys of every property of a project: one request, whatever their number. */
export async function listProjectPropertyKeys(client: JiraClient, project: string): Promise<string[]> {
  const answer = await client.get(route`/rest/api/3/project/${project}/properties`.value, PropertyKeys);
  return answer.keys.map((k) => k.key);
}

/** A property's value, or undefined when it does not exist. */
export async function getProjectProperty(client: JiraClient, project: string, key: string): Promise<unknown> {
  try {
    return (await client.get(route`/rest/api/3/project/${project}/properties/${key}`.value, EntityProperty)).value;
  } catch (error) {
    if (error instanceof JiraApiError && error.kind === 'NOT_FOUND') return undefined;
    throw error;
  }
}

/** Writes a property; true when Jira created it (it did not exist before this write). */
export async function putProjectProperty(client: JiraClient, project: string, key: string, value: unknown): Promise<boolean> {
  return (await client.putForStatus(route`/rest/api/3/project/${project}/properties/${key}`.value, value)) === 201;
}

export async function deleteProjectProperty(client: JiraClient, project: string, key: string): Promise<void> {
  try {
    await client.delete(route`/rest/api/3/project/${project}/properties/${key}`.value);
  } catch (error) {
    if (!(error instanceof JiraApiError && error.kind === 'NOT_FOUND')) throw error;
  }
}
