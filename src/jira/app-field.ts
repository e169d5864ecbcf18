import { route } from '@forge/api';
import type { JiraClient } from './jira-client';
import { FieldList } from './jira-schemas';
import { JiraApiError } from './jira-errors';

const TTL_MS = 10 * 60 * 1000;
const cache = new Map<string, { id: string; name: string; until: number }>();

/**
 * The site's id (customfield_NNNNN) of one of this app's custom fields. Jira names a Forge
 * field's type `…/static/<moduleKey>`; the id differs per site, so it is looked up and cached.
 */
async function lookUp(client: JiraClient, moduleKey: string, now: number): Promise<{ id: string; name: string }> {
  const cached = cache.get(moduleKey);
  if (cached && cached.until > now) return cached;
  const fields = await client.get(route`/rest/api/3/field`.value, FieldList);
  const field = fields.find((f) => f.schema?.custom?.endsWith(`/static/${moduleKey}`));
  if (!field) throw new JiraApiError('NOT_FOUND', `The app's field '${moduleKey}' is not installed on this site.`);
  const entry = { id: field.id, name: field.name, until: now + TTL_MS };
  cache.set(moduleKey, entry);
  return entry;
}

export const findAppFieldId = async (client: JiraClient, moduleKey: string, now = Date.now()): Promise<string> => (await lookUp(client, moduleKey, now)).id;

/** The field's name, which JQL uses for its search aliases ("WITHOUT clauses".threat). */
export const appFieldName = async (client: JiraClient, moduleKey: string, now = Date.now()): Promise<string> => (await lookUp(client, moduleKey, now)).name;
