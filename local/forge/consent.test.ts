import { startLocalApp, type LocalApp } from '../local-app';

// A person who has not allowed the app to act as them: Forge's proxy answers their asUser()
// calls with `forge-proxy-error: NEEDS_AUTHENTICATION_ERR`, @forge/api throws
// NeedsAuthenticationError, and Jira shows "Allow access" in the module's place once that
// error leaves the resolver. The host does the same for the people it is told lack consent.
// https://developer.atlassian.com/platform/forge/runtime-reference/fetch-api-product.requestjira/

const onPay1 = { type: 'jira:issuePanel', issue: { id: '10000', key: 'PAY-1' }, project: { id: '10000', key: 'PAY' } };

describe('consent in the local Forge host', () => {
  let app: LocalApp;
  beforeAll(async () => {
    app = await startLocalApp({ dataFile: ':memory:', seed: 'demo', withoutConsent: ['carol@example.com'] });
  });
  afterAll(() => app.close());

  const as = (accountId: string) => ({ Cookie: `local_jira_user=${encodeURIComponent(accountId)}` });
  const storyGet = async (accountId: string) => {
    const issue = app.site.store.issueByKey('PAY-1')!;
    const response = await fetch(`${app.url}/forge/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...as(accountId) },
      body: JSON.stringify({
        moduleKey: 'story-panel',
        functionKey: 'story/get',
        payload: {},
        context: { moduleKey: 'story-panel', extension: { ...onPay1, issue: { id: String(issue.id), key: 'PAY-1' } } },
      }),
    });
    return (await response.json()) as Record<string, unknown>;
  };

  it('fails the view of a person who has not allowed the app with Jira’s consent prompt: the app’s name and scopes', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const answer = await storyGet('712020:carol');
    expect(answer).toEqual({
      ok: false,
      needsConsent: true,
      message: expect.any(String),
      consent: {
        appName: 'Without for Jira',
        scopes: expect.arrayContaining(['read:jira-work', 'write:jira-work']),
      },
    });
    // The error is the expected one, not a crash the host logs.
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });

  it('answers the people who have allowed the app as before', async () => {
    expect(await storyGet('712020:bob')).toMatchObject({ ok: true, body: { ok: true } });
  });

  it('after "Allow access", the same view works', async () => {
    const allowed = await fetch(`${app.url}/forge/consent`, { method: 'POST', headers: as('712020:carol') });
    expect(allowed.status).toBe(200);
    expect(await storyGet('712020:carol')).toMatchObject({ ok: true, body: { ok: true } });
  });

  it('never asks the app itself: asApp() calls of a person without consent still work', async () => {
    app.consent.withhold('712020:carol');
    // The proxy refuses the person, not the app: the page is served, and Jira's own REST as carol works.
    const page = await fetch(`${app.url}/browse/PAY-1`, { headers: as('712020:carol') });
    expect(page.status).toBe(200);
    expect((await storyGet('712020:carol')).needsConsent).toBe(true);
    app.consent.grant('712020:carol');
  });
});
