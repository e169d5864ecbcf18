import type { LocalSite } from './server';
import { restAs, startTestSite } from '../../test/support/local-site';

describe('the local site answers like Jira Cloud', () => {
  let site: LocalSite;
  beforeAll(async () => (site = await startTestSite({ demo: true })));
  afterAll(() => site.close());

  it('refuses carol, a viewer, where Jira would', async () => {
    const carol = restAs(site, 'carol');
    expect((await carol('GET', '/rest/api/3/issue/PAY-1?fields=summary')).status).toBe(200);
    const edit = await carol('PUT', '/rest/api/3/issue/PAY-1', { fields: { summary: 'Hacked' } });
    expect(edit.status).toBe(403);
    expect(edit.body?.errorMessages).toEqual(['You do not have permission to edit issues in this project.']);
    expect(
      (
        await carol('POST', '/rest/api/3/issue', {
          fields: { project: { key: 'PAY' }, issuetype: { name: 'Task' }, summary: 'x' },
        })
      ).status,
    ).toBe(403);
    expect((await carol('PUT', '/rest/api/3/issue/PAY-1/properties/x', { a: 1 })).status).toBe(403);
    expect((await carol('PUT', '/rest/api/3/project/PAY/properties/x', { a: 1 })).status).toBe(403);
    expect((await carol('POST', '/rest/api/3/issue/PAY-1/transitions', { transition: { id: '41' } })).status).toBe(403);
    expect((await carol('POST', '/rest/agile/1.0/sprint/3/issue', { issues: ['PAY-5'] })).status).toBe(403);
    const unchanged = await carol('GET', '/rest/api/3/issue/PAY-1?fields=summary');
    expect((unchanged.body?.fields as { summary: string }).summary).toMatch(/^As a buyer, I want to pay/);
  });

  it('lets bob, a developer, edit issues but not project properties', async () => {
    const bob = restAs(site, 'bob');
    expect((await bob('PUT', '/rest/api/3/issue/PAY-3/properties/x', { a: 1 })).status).toBe(201);
    expect((await bob('PUT', '/rest/api/3/issue/PAY-3/properties/x', { a: 2 })).status).toBe(200);
    expect((await bob('PUT', '/rest/api/3/project/PAY/properties/x', { a: 1 })).status).toBe(403);
  });

  it('only lets the app itself write its custom field values', async () => {
    const bob = restAs(site, 'bob');
    const fields = (await bob('GET', '/rest/api/3/field')).body as unknown as Array<{ id: string; name: string }>;
    const field = fields.find((f) => f.name === 'WITHOUT clauses');
    expect(field).toBeDefined();
    const attempt = await bob('PUT', `/rest/api/3/app/field/${field?.id}/value`, {
      updates: [{ issueIds: [10000], value: { clauses: [] } }],
    });
    expect(attempt.status).toBe(403);
  });

  it('answers an unknown route with 404 and a JSON body', async () => {
    const response = await restAs(site, 'alice')('GET', '/rest/api/3/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(response.body?.errorMessages).toEqual(['No route for GET /rest/api/3/nothing-here on this site.']);
  });

  it('answers invalid JQL with 400 and errorMessages', async () => {
    const alice = restAs(site, 'alice');
    const syntax = await alice('GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = PAY AND (')}`);
    expect(syntax.status).toBe(400);
    expect(syntax.body?.errorMessages).toEqual([expect.stringMatching(/Error in the JQL Query/)]);
    const unknownField = await alice('POST', '/rest/api/3/search/jql', { jql: 'project = PAY AND flavour = "mint"' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body?.errorMessages).toEqual([expect.stringMatching(/flavour/)]);
    const unbounded = await alice('POST', '/rest/api/3/search/jql', { jql: 'ORDER BY key' });
    expect(unbounded.status).toBe(400);
  });

  it('answers serverInfo without authentication and everything else only with it', async () => {
    const info = await fetch(`${site.url}/rest/api/3/serverInfo`);
    expect(info.status).toBe(200);
    expect(((await info.json()) as { deploymentType: string }).deploymentType).toBe('Cloud');
    const myself = await fetch(`${site.url}/rest/api/3/myself`);
    expect(myself.status).toBe(401);
    const wrongToken = await fetch(`${site.url}/rest/api/3/myself`, {
      headers: { Authorization: `Basic ${Buffer.from('alice@example.com:nope').toString('base64')}` },
    });
    expect(wrongToken.status).toBe(401);
  });

  it('validates a create completely before writing anything', async () => {
    const alice = restAs(site, 'alice');
    const before = site.store.count('issue');
    const bad = await alice('POST', '/rest/api/3/issue', {
      fields: {
        project: { key: 'PAY' },
        issuetype: { name: 'Task' },
        summary: 'x'.repeat(300),
        description: 'plain text',
      },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body?.errors as object).sort()).toEqual(['description', 'summary']);
    expect(site.store.count('issue')).toBe(before);
  });
});
