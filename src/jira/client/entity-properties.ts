import { route } from '@forge/api';
import { z } from 'zod';
import type { JiraClient } from './jira-client';
import { JiraApiError } from './jira-errors';

// Issue and project entity properties behave the same; only the path differs. Each path is a
// literal `route` template passed straight to the client, the only shape Forge's scope linter
// reads (test/manifest checks it).
export type Entity = { kind: 'issue'; id: string } | { kind: 'project'; id: string };

const PropertyKeys = z.looseObject({ keys: z.array(z.looseObject({ key: z.string() })) });
const EntityProperty = z.looseObject({ key: z.string(), value: z.unknown() });

const notFoundIsUndefined = (error: unknown): undefined => {
  if (error instanceof JiraApiError && error.kind === 'NOT_FOUND') return undefined;
  throw error;
};

/** Keys of every property of a project: one request, whatever their number. */
export async function listProjectPropertyKeys(client: JiraClient, project: string): Promise<string[]> {
  const answer = await client.get(route`/rest/api/3/project/${project}/properties`.value, PropertyKeys);
  return answer.keys.map((k) => k.key);
}

const ProjectWithProperties = z.looseObject({ properties: z.record(z.string(), z.unknown()).optional() });

/**
 * The longest a property value's JSON may be: Jira Cloud's REST docs for entity properties say
 * "The maximum length of a property value is 32768 characters", and answer 400 to a longer one.
 */
export const PROPERTY_VALUE_MAX = 32_768;

/**
 * The most characters one request's `properties` value takes percent-encoded (a comma is `%2C`):
 * with the path the URL stays under 5,000, leaving the headers (Forge's token among them) room
 * below the 8 KB a request line and headers commonly get. The model's first read fills one
 * request to exactly this (threat-model-repository.ts firstReadKeys).
 */
export const PROPERTIES_LIST_CHARS = 4_950;

/** The keys in runs whose `properties` list fits one request's URL (PROPERTIES_LIST_CHARS). */
export function propertyKeyRuns(keys: string[]): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  let chars = 0;
  for (const key of keys) {
    const cost = encodeURIComponent(key).length + 3;
    if (run.length > 0 && chars + cost > PROPERTIES_LIST_CHARS) {
      runs.push(run);
      run = [];
      chars = 0;
    }
    run.push(key);
    chars += cost;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Several project properties in one request (GET project with `properties`): the values of
 * the keys that exist, by key. Keys that do not exist are simply absent. A list too long for
 * one URL (hundreds of shards) is asked in several requests side by side.
 */
export async function getProjectProperties(
  client: JiraClient,
  project: string,
  keys: string[],
): Promise<Record<string, unknown>> {
  const answers = await Promise.all(
    propertyKeyRuns(keys).map((run) =>
      client.get(route`/rest/api/3/project/${project}?properties=${run.join(',')}`.value, ProjectWithProperties),
    ),
  );
  return Object.assign({}, ...answers.map((answer) => answer.properties ?? {}));
}

/** A property's value, or undefined when it does not exist. */
export async function getProperty(client: JiraClient, entity: Entity, key: string): Promise<unknown> {
  const read =
    entity.kind === 'issue'
      ? client.get(route`/rest/api/3/issue/${entity.id}/properties/${key}`.value, EntityProperty)
      : client.get(route`/rest/api/3/project/${entity.id}/properties/${key}`.value, EntityProperty);
  return read.then((p) => p.value, notFoundIsUndefined);
}

/** Writes a property; true when Jira created it (it did not exist before this write). */
export async function putProperty(client: JiraClient, entity: Entity, key: string, value: unknown): Promise<boolean> {
  const status =
    entity.kind === 'issue'
      ? await client.putForStatus(route`/rest/api/3/issue/${entity.id}/properties/${key}`.value, value)
      : await client.putForStatus(route`/rest/api/3/project/${entity.id}/properties/${key}`.value, value);
  return status === 201;
}

export async function deleteProperty(client: JiraClient, entity: Entity, key: string): Promise<void> {
  const removal =
    entity.kind === 'issue'
      ? client.delete(route`/rest/api/3/issue/${entity.id}/properties/${key}`.value)
      : client.delete(route`/rest/api/3/project/${entity.id}/properties/${key}`.value);
  await removal.catch(notFoundIsUndefined);
}

export const projectEntity = (key: string): Entity => ({ kind: 'project', id: key });
export const issueEntity = (id: string): Entity => ({ kind: 'issue', id });
