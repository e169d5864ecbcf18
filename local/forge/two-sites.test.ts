import { startLocalApp, type LocalApp } from '../local-app';

// One process, two sites with the app installed (a warm Forge instance serves several
// installations): site B has another app's field first, so the app's WITHOUT clauses field has
// another id there. Each host's calls must reach its own site, with its own field id.
describe('one Forge host process serving two sites', () => {
  let a: LocalApp;
  let b: LocalApp;
  beforeAll(async () => {
    a = await startLocalApp({ dataFile: ':memory:', seed: 'demo', installationId: 'site-a' });
    b = await startLocalApp({
      dataFile: ':memory:',
      seed: 'demo',
      installationId: 'site-b',
      otherAppFields: [{ moduleKey: 'other-app-field', name: 'Other app', description: '', type: 'string' }],
    });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  const fieldId = (app: LocalApp) =>
    app.site.store.all('customField').find((f) => f.moduleKey === 'without-clauses')!.id;
  const storyView = async (app: LocalApp) => {
    const issue = app.site.store.issueByKey('PAY-1')!;
    const response = await fetch(`${app.url}/forge/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: 'local_jira_user=712020%3Abob' },
      body: JSON.stringify({
        moduleKey: 'story-panel',
        functionKey: 'story/get',
        payload: {},
        context: {
          moduleKey: 'story-panel',
          extension: {
            type: 'jira:issuePanel',
            issue: { id: String(issue.id), key: 'PAY-1' },
            project: { id: String(issue.projectId), key: 'PAY' },
          },
        },
      }),
    });
    return (await response.json()) as { ok: boolean; body?: { ok: boolean; data?: { clauses?: unknown[] } } };
  };
  const fieldsAsked = (app: LocalApp, mark: number) =>
    app.site.log
      .since(mark)
      .flatMap((r) => [...`${r.path}?${r.query}`.matchAll(/customfield_\d+/g)].map((m) => m[0]))
      .filter((id) => id === fieldId(a) || id === fieldId(b));

  it('never gives the second site the first site’s field id', async () => {
    expect(fieldId(a)).not.toBe(fieldId(b));
    const markA = a.site.log.mark();
    const markB = b.site.log.mark();
    const viewA = await storyView(a);
    const viewB = await storyView(b);
    expect(viewA).toMatchObject({ ok: true, body: { ok: true } });
    expect(viewB).toMatchObject({ ok: true, body: { ok: true } });
    // The same demo story shows the same clauses on both sites, read through each site's own field.
    expect(viewB.body?.data?.clauses).toEqual(viewA.body?.data?.clauses);
    expect((viewA.body?.data?.clauses ?? []).length).toBeGreaterThan(0);
    expect(new Set(fieldsAsked(a, markA))).toEqual(new Set([fieldId(a)]));
    expect(new Set(fieldsAsked(b, markB))).toEqual(new Set([fieldId(b)]));
  });
});
