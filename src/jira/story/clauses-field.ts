import { route } from '@forge/api';
import type { z } from 'zod';
import type { JiraClient } from '../client/jira-client';
import { FieldList } from '../client/jira-schemas';
import { JiraApiError } from '../client/jira-errors';

const TTL_MS = 10 * 60 * 1000;
let cached: { fields: z.infer<typeof FieldList>; until: number } | undefined;

/** The site's fields, read once and kept for ten minutes: ids differ per site but rarely change. */
async function fields(client: JiraClient, now: number): Promise<z.infer<typeof FieldList>> {
  if (cached && cached.until > now) return cached.fields;
  const list = await client.get(route`/rest/api/3/field`.value, FieldList);
  cached = { fields: list, until: now + TTL_MS };
  return list;
}

/** One of this app's custom fields: Jira names a Forge field's type `…/static/<moduleKey>`. */
async function appField(client: JiraClient, moduleKey: string, now: number): Promise<{ id: string; name: string }> {
  const field = (await fields(client, now)).find((f) => f.schema?.custom?.endsWith(`/static/${moduleKey}`));
  if (!field) throw new JiraApiError('NOT_FOUND', `The app's field '${moduleKey}' is not installed on this site.`);
  return field;
}

export const findAppFieldId = async (client: JiraClient, moduleKey: string, now = Date.now()): Promise<string> =>
  (await appField(client, moduleKey, now)).id;

/** The field's name, which JQL uses for its search aliases ("WITHOUT clauses".threat). */
export const appFieldName = async (client: JiraClient, moduleKey: string, now = Date.now()): Promise<string> =>
  (await appField(client, moduleKey, now)).name;

export const CLAUSES_FIELD_KEY = 'without-clauses';

/** The app's WITHOUT clauses field: its id (for reads and writes) and name (for JQL). */
export const clausesField = async (client: JiraClient, now = Date.now()) => {
  const field = await appField(client, CLAUSES_FIELD_KEY, now);
  return { id: field.id, name: field.name };
};

/** Jira Software's Sprint field (customfield_10020 on most sites, but not all). */
export async function sprintFieldId(client: JiraClient, now = Date.now()): Promise<string> {
  const field = (await fields(client, now)).find((f) => f.schema?.custom === 'com.pyxis.greenhopper.jira:gh-sprint');
  if (!field) throw new JiraApiError('NOT_FOUND', 'This site has no Sprint field: is Jira Software installed?');
  return field.id;
}
