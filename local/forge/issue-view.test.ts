import path from 'node:path';
import { startLocalApp, type LocalApp } from '../local-app';

// What the local host's pages give the app's modules, as Jira Cloud does:
// - a sprint action's sprint and board ids are strings;
// - an issue panel shows on an issue only after someone adds it there ("Add" button), unless the
//   host pre-adds panels (https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-issue-panel);
// - every jira:issueContext module shows on every issue, on the right
//   (https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-issue-context/).
type Frames = Record<string, { context: { extension: Record<string, unknown> } }>;
const BOB = 'local_jira_user=712020%3Abob';

const page = async (app: LocalApp, pathname: string) => {
  const html = await (await fetch(`${app.url}${pathname}`, { headers: { Cookie: BOB } })).text();
  const json = (name: string) =>
    JSON.parse(new RegExp(`window\\.${name} = (.*?);(?: window|</script>)`).exec(html)![1]!);
  return { html, frames: json('__FORGE_FRAMES__') as Frames, launchers: json('__FORGE_LAUNCHERS__') as Frames };
};
const post = async (app: LocalApp, pathname: string, body: unknown) => {
  const response = await fetch(`${app.url}${pathname}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: BOB },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('the app on the local host’s Jira pages', () => {
  let app: LocalApp;
  beforeAll(async () => {
    app = await startLocalApp({ dataFile: ':memory:', seed: 'demo', issuePanels: 'after-add' });
  });
  afterAll(() => app.close());

  it('gives the sprint action its sprint and board ids as strings, which the sprint resolvers read', async () => {
    const { launchers } = await page(app, '/projects/PAY/backlog');
    const action = Object.values(launchers)[0]!;
    const { sprint, board } = action.context.extension as { sprint: { id: unknown }; board: { id: unknown } };
    expect(typeof sprint.id).toBe('string');
    expect(typeof board.id).toBe('string');
    const answer = await post(app, '/forge/invoke', {
      moduleKey: 'sprint-security',
      functionKey: 'sprint/get',
      payload: {},
      context: action.context,
    });
    expect(answer.body).toMatchObject({ ok: true, body: { ok: true, data: { sprint: { id: Number(sprint.id) } } } });
  });

  it('shows an "Add" button for the app’s panel until someone adds it on that issue, then the panel', async () => {
    const before = await page(app, '/browse/PAY-1');
    expect(before.html).toContain('data-forge-add-panel="story-panel"');
    expect(Object.keys(before.frames)).not.toContain('panel-story-panel');

    expect((await post(app, '/forge/issue-panel', { issueKey: 'PAY-1', moduleKey: 'story-panel' })).status).toBe(200);
    const added = await page(app, '/browse/PAY-1');
    expect(added.html).not.toContain('data-forge-add-panel="story-panel"');
    const panel = added.frames['panel-story-panel']!;
    expect(panel.context.extension).toMatchObject({ type: 'jira:issuePanel', isNewToIssue: true });
    expect(typeof (panel.context.extension.issue as { id: unknown }).id).toBe('string');
    // Remembered for that issue: shown again (no longer new), and not on another issue.
    expect((await page(app, '/browse/PAY-1')).frames['panel-story-panel']?.context.extension).toMatchObject({
      isNewToIssue: false,
    });
    expect((await page(app, '/browse/PAY-2')).html).toContain('data-forge-add-panel="story-panel"');
    expect((await post(app, '/forge/issue-panel', { issueKey: 'PAY-1', moduleKey: 'nope' })).status).toBe(404);
  });

  it('pre-adds panels by default, as the e2e suite expects', async () => {
    const preAdded = await startLocalApp({ dataFile: ':memory:', seed: 'demo' });
    try {
      const { html, frames } = await page(preAdded, '/browse/PAY-1');
      expect(html).not.toContain('data-forge-add-panel="');
      expect(frames['panel-story-panel']?.context.extension).toMatchObject({ isNewToIssue: false });
    } finally {
      await preAdded.close();
    }
  });

  it('renders every jira:issueContext module on every issue, with the issue and project', async () => {
    const fixture = await startLocalApp({
      dataFile: ':memory:',
      seed: 'demo',
      root: path.resolve(__dirname, '../../test/fixtures/issue-view-app'),
      issuePanels: 'after-add',
    });
    try {
      for (const key of ['PAY-1', 'PAY-2']) {
        const { html, frames } = await page(fixture, `/browse/${key}`);
        expect(html).toContain('<summary>Fixture context</summary>');
        const context = frames['context-fixture-context']!.context;
        expect(context.extension).toMatchObject({
          type: 'jira:issueContext',
          issue: { key, id: expect.any(String) },
          project: { key: 'PAY', id: expect.any(String) },
        });
        const answer = await post(fixture, '/forge/invoke', {
          moduleKey: 'fixture-context',
          functionKey: 'any',
          payload: {},
          context,
        });
        expect(answer.body).toMatchObject({ ok: true, body: { context: { extension: { issue: { key } } } } });
      }
    } finally {
      await fixture.close();
    }
  });
});

describe('the local host’s pages and issue security levels', () => {
  let app: LocalApp;
  beforeAll(async () => {
    app = await startLocalApp({ dataFile: ':memory:', seed: 'demo', issuePanels: 'after-add' });
    // alice, PAY's administrator, gives PAY-2 the project's security level; bob is not a member.
    const alice = `Basic ${Buffer.from('alice@example.com:local-token').toString('base64')}`;
    const answer = await fetch(`${app.url}/rest/api/3/issue/PAY-2`, {
      method: 'PUT',
      headers: { Authorization: alice, 'Content-Type': 'application/json' },
      body: JSON.stringify({ fields: { security: { id: '10100' } } }),
    });
    expect(answer.status).toBe(204);
  });
  afterAll(() => app.close());

  it('shows a non-member neither the issue, nor it in the backlog, nor lets them add a panel to it', async () => {
    expect((await page(app, '/browse/PAY-2')).html).toContain('Issue not found');
    expect((await page(app, '/browse/PAY-3')).html).not.toContain('Issue not found');
    const backlog = (await page(app, '/projects/PAY/backlog')).html;
    expect(backlog).toContain('PAY-3');
    expect(backlog).not.toMatch(/PAY-2\b/);
    expect((await post(app, '/forge/issue-panel', { issueKey: 'PAY-2', moduleKey: 'story-panel' })).status).toBe(404);
  });
});
