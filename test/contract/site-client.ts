import type { LocalSite } from '../../local/site/server';

// Plain HTTP calls to the local site as one of its users, the way a real client calls Jira.

export type Caller = 'alice' | 'bob' | 'carol' | 'app' | 'anonymous';

export interface SiteAnswer {
  status: number;
  /** The parsed JSON body; undefined when the answer has none. */
  body: unknown;
}

export function authorization(site: LocalSite, caller: Caller, appAccountId: string): string | undefined {
  if (caller === 'anonymous') return undefined;
  if (caller === 'app') return `Bearer ${site.auth.issueForgeToken(appAccountId)}`;
  return `Basic ${Buffer.from(`${caller}@example.com:local-token`).toString('base64')}`;
}

export async function call(
  site: LocalSite,
  auth: string | undefined,
  method: string,
  pathAndQuery: string,
  body?: unknown,
): Promise<SiteAnswer> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (auth) headers.Authorization = auth;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${site.url}${pathAndQuery}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}
