import path from 'node:path';
import { loadManifest } from '../../local/forge/manifest';
import { APP_ACCOUNT_ID } from '../../local/site/base-data';
import { startLocalSite, type LocalSite, type LocalSiteOptions } from '../../local/site/server';
import { seedDemo } from '../../local/site/seed/demo';

const ROOT = path.resolve(__dirname, '../..');

/** A local site with the app's fields registered from manifest.yml, optionally with the demo. */
export async function startTestSite(options: Partial<LocalSiteOptions> & { demo?: boolean } = {}): Promise<LocalSite> {
  const manifest = loadManifest(ROOT);
  const site = await startLocalSite({
    dataFile: ':memory:',
    app: { customFields: manifest.appFields, indexedProperties: manifest.indexedProperties },
    ...options,
  });
  if (options.demo) seedDemo(site.store);
  return site;
}

export type As = 'alice' | 'bob' | 'carol';

/** A fetch against the site as one of the demo people, with basic auth as a real client sends. */
export const restAs = (site: LocalSite, who: As) => restAsEmail(site, `${who}@example.com`);

/** The same as any user of the site, by email (every local user's API token is `local-token`). */
export const restAsEmail = (site: LocalSite, email: string) =>
  restWith(site, `Basic ${Buffer.from(`${email}:local-token`).toString('base64')}`);

/** The same as the app's own identity, as its asApp() requests reach Jira (a bearer token for the app). */
export const restAsApp = (site: LocalSite) => restWith(site, `Bearer ${site.auth.issueForgeToken(APP_ACCOUNT_ID)}`);

function restWith(site: LocalSite, authorization: string) {
  return async (method: string, restPath: string, body?: unknown) => {
    const response = await fetch(`${site.url}${restPath}`, {
      method,
      headers: { Authorization: authorization, 'Content-Type': 'application/json', Accept: 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
    };
  };
}

export const adfText = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
