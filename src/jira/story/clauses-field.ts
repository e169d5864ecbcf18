import { route } from '@forge/api';
import type { z } from 'zod';
import type { JiraClient } from '../client/jira-client';
import { FieldList } from '../client/jira-schemas';
import { JiraApiError } from '../client/jira-errors';

const TTL_MS = 10 * 60 * 1000;
/** Sites remembered at once; a warm instance rarely serves more, and the oldest goes first. */
const MAX_SITES = 50;
type Fields = z.infer<typeof FieldList>;

// A warm Forge function instance may serve several installations, so the field list (whose
// ids differ per site) is cached per installation, never in one module-wide slot. A client
// that does not know its site (a test's, a CLI run's) caches for its own life only.
// https://developer.atlassian.com/platform/forge/runtime-reference/app-context-api/
const bySite = new Map<string, { fields: Fields; until: number }>();
const byClient = new WeakMap<JiraClient, Fields>();

/** The site's fields, read once per site and kept for ten minutes: ids differ per site but rarely change. */
async function fields(client: JiraClient, now: number): Promise<Fields> {
  const tenant = client.tenant;
  if (tenant === undefined) {
    const own = byClient.get(client);
    if (own) return own;
    const list = await client.get(route`/rest/api/3/field`.value, FieldList);
    byClient.set(client, list);
    return list;
  }
  const cached = bySite.get(tenant);
  if (cached && cached.until > now) return cached.fields;
  const list = await client.get(route`/rest/api/3/field`.value, FieldList);
  bySite.delete(tenant);
  bySite.set(tenant, { fields: list, until: now + TTL_MS });
  while (bySite.size > MAX_SITES) bySite.delete(bySite.keys().next().value as string);
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
