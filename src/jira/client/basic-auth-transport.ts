import type { JiraTransport } from './transport';

export interface SiteCredentials {
  siteUrl: string;
  email: string;
  apiToken: string;
}

/** The same client outside Forge: a Jira Cloud site (or the local one) with an API token. */
export function basicAuthTransport({ siteUrl, email, apiToken }: SiteCredentials): JiraTransport {
  const base = siteUrl.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${email}:${apiToken}`).toString('base64')}`;
  return {
    send: (path, request) =>
      fetch(`${base}${path}`, {
        method: request.method,
        headers: {
          Authorization: authorization,
          Accept: 'application/json',
          ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(request.body !== undefined ? { body: request.body } : {}),
      }),
  };
}
