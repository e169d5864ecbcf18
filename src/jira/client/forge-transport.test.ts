import { NeedsAuthenticationError, route } from '@forge/api';
import { z } from 'zod';
import { createConsent } from '../../../local/forge/consent';
import { installForgeRuntime, runAs } from '../../../local/forge/runtime';
import type { LocalSite } from '../../../local/site/server';
import { startTestSite } from '../../../test/support/local-site';
import { appClient, userClient } from './clients';
import { JiraApiError } from './jira-errors';

// A person who has not allowed the app: Forge's proxy answers asUser() calls with
// `forge-proxy-error: NEEDS_AUTHENTICATION_ERR` and @forge/api throws NeedsAuthenticationError.
// Forge shows "Allow access" only if that error leaves the function, so the client must not
// turn it into "Jira could not be reached".
// https://developer.atlassian.com/platform/forge/runtime-reference/fetch-api-product.requestjira/
describe('the Forge transport when a person has not allowed the app', () => {
  let site: LocalSite;
  const consent = createConsent(['712020:carol']);
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    installForgeRuntime(site, 'ari:cloud:ecosystem::app/test', { consent });
  });
  afterAll(() => site.close());

  const myself = (client: () => ReturnType<typeof userClient>, accountId: string) =>
    runAs({ accountId, moduleKey: 'test' }, () =>
      client().get(route`/rest/api/3/myself`.value, z.looseObject({ accountId: z.string() })),
    );

  it('rethrows NeedsAuthenticationError untouched, without retrying', async () => {
    const mark = site.log.mark();
    const failure = await myself(userClient, '712020:carol').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NeedsAuthenticationError);
    expect(failure).not.toBeInstanceOf(JiraApiError);
    expect((failure as Error).name).toBe('NEEDS_AUTHENTICATION_ERR');
    expect(site.log.since(mark)).toEqual([]); // the proxy refused it; Jira never saw it
  });

  it('still reaches Jira for people who have allowed the app, and as the app', async () => {
    await expect(myself(userClient, '712020:bob')).resolves.toMatchObject({ accountId: '712020:bob' });
    await expect(myself(appClient, '712020:carol')).resolves.toMatchObject({ accountId: expect.any(String) });
  });

  it('still reports a Jira that cannot be reached as NETWORK', async () => {
    const g = globalThis as { __forge_fetch__?: unknown };
    const real = g.__forge_fetch__;
    g.__forge_fetch__ = async () => {
      throw new Error('connect ECONNREFUSED');
    };
    try {
      await expect(myself(userClient, '712020:bob')).rejects.toMatchObject({ kind: 'NETWORK' });
    } finally {
      g.__forge_fetch__ = real;
    }
  });
});
