/**
 * @jest-environment jsdom
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

// The host page's half of consent: when invoke answers needsConsent, the module's frame is
// replaced by Jira's "Allow access" prompt (the app's name, its scopes); the button records the
// consent and loads the page again.
describe('the "Allow access" prompt of the host page', () => {
  const calls: Array<{ url: string; body: unknown }> = [];
  beforeAll(() => {
    document.body.innerHTML =
      '<div id="flags"></div><iframe class="forge-frame" data-frame-id="panel" title="WITHOUT clauses"></iframe>';
    (window as unknown as Record<string, unknown>).__FORGE_FRAMES__ = {
      panel: { id: 'panel', resource: 'ui', context: { moduleKey: 'story-panel' } },
    };
    window.fetch = (async (url: string, init: { body: string }) => {
      calls.push({ url, body: JSON.parse(init.body) });
      const answer =
        url === '/forge/invoke'
          ? {
              ok: false,
              needsConsent: true,
              message: 'This app needs your permission to access Jira.',
              consent: { appName: 'Without for Jira', scopes: ['read:jira-work', 'write:jira-work'] },
            }
          : { granted: true };
      return { json: async () => answer };
    }) as unknown as typeof fetch;
    window.eval(readFileSync(path.join(__dirname, 'public/host.js'), 'utf8'));
  });

  it('shows the app’s name and scopes in place of the frame, and "Allow access" records the consent', async () => {
    window.dispatchEvent(
      new MessageEvent('message', {
        data: { forgeBridge: 'call', frameId: 'panel', name: 'invoke', id: 1, payload: { functionKey: 'story/get' } },
      }),
    );
    await new Promise((r) => setTimeout(r, 20));
    const prompt = document.querySelector('[role="region"][aria-label="Allow access"]');
    expect(prompt?.textContent).toContain('Without for Jira needs your permission');
    expect([...prompt!.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'read:jira-work',
      'write:jira-work',
    ]);
    expect((document.querySelector('iframe[data-frame-id="panel"]') as HTMLElement).style.display).toBe('none');
    const allow = prompt!.querySelector<HTMLButtonElement>('[data-testid="forge-allow-access"]')!;
    expect(allow.textContent).toBe('Allow access');
    // jsdom cannot reload the page; the host reloads so the module loads again, now allowed.
    const notImplemented = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    allow.click();
    await new Promise((r) => setTimeout(r, 20));
    notImplemented.mockRestore();
    expect(calls.map((c) => c.url)).toEqual(['/forge/invoke', '/forge/consent']);
  });
});
