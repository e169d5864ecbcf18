import { JiraClient } from '../../src/jira/client/jira-client';
import type { JiraTransport } from '../../src/jira/client/transport';
import { APP_ACCOUNT_ID } from '../../local/site/base-data';
import type { LocalSite } from '../../local/site/server';

/**
 * The jira/ client as Forge gives it to the app: a bearer token for a person or the app.
 * `tenant`: the site as the app's memory keys it; another one acts as another Forge instance would.
 */
export function siteClient(site: LocalSite, accountId: string = APP_ACCOUNT_ID, tenant?: string): JiraClient {
  const token = site.auth.issueForgeToken(accountId);
  const transport: JiraTransport = {
    send: (path, request) =>
      fetch(`${site.url}${path}`, {
        method: request.method,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(request.body !== undefined ? { body: request.body } : {}),
      }),
  };
  return new JiraClient(transport, { sleep: async () => undefined, ...(tenant !== undefined ? { tenant } : {}) });
}
