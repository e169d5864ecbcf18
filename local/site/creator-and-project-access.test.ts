import type { LocalSite } from './server';
import { restAs, startTestSite } from '../../test/support/local-site';

type Fields = { creator?: { accountId: string } | null; reporter?: { accountId: string } | null };
const fieldsOf = (body: Record<string, unknown> | undefined) => body?.fields as Fields;

describe('the creator field: who created the issue, which nobody can change', () => {
  let site: LocalSite;
  beforeAll(async () => (site = await startTestSite({ demo: true })));
  afterAll(() => site.close());

  it('is the person who created the issue, in GET issue and in JQL search', async () => {
    const bob = restAs(site, 'bob');
    const made = await bob('POST', '/rest/api/3/issue', {
      fields: { project: { key: 'PAY' }, issuetype: { name: 'Task' }, summary: 'Made by bob' },
    });
    expect(made.status).toBe(201);
    const key = String(made.body?.key);
    const read = await restAs(site, 'carol')('GET', `/rest/api/3/issue/${key}?fields=creator`);
    expect(read.body?.fields).toEqual({
      creator: expect.objectContaining({ accountId: '712020:bob', displayName: 'Bob Developer' }),
    });
    const found = await restAs(site, 'alice')('POST', '/rest/api/3/search/jql', {
      jql: `key = ${key}`,
      fields: ['creator'],
    });
    const issues = found.body?.issues as Array<{ key: string; fields: Fields }>;
    expect(issues.map((i) => [i.key, i.fields.creator?.accountId])).toEqual([[key, '712020:bob']]);
    // Every field (GET issue's default) includes it too; the demo's issues were created by alice.
    expect(fieldsOf((await bob('GET', '/rest/api/3/issue/PAY-1')).body).creator).toMatchObject({
      accountId: '712020:alice',
    });
  });

  it('cannot be changed by an edit, not even by an administrator', async () => {
    const bob = restAs(site, 'bob');
    const key = String(
      (
        await bob('POST', '/rest/api/3/issue', {
          fields: { project: { key: 'PAY' }, issuetype: { name: 'Task' }, summary: 'Also bob' },
        })
      ).body?.key,
    );
    const alice = restAs(site, 'alice');
    const edit = await alice('PUT', `/rest/api/3/issue/${key}`, { fields: { creator: { accountId: '712020:alice' } } });
    expect(edit.status).toBe(400);
    expect(Object.keys(edit.body?.errors as object)).toEqual(['creator']);
    expect((await alice('PUT', `/rest/api/3/issue/${key}`, { fields: { summary: 'Renamed by alice' } })).status).toBe(
      204,
    );
    const created = await alice('POST', '/rest/api/3/issue', {
      fields: {
        project: { key: 'PAY' },
        issuetype: { name: 'Task' },
        summary: 'x',
        creator: { accountId: '712020:bob' },
      },
    });
    expect(created.status).toBe(400);
    expect(fieldsOf((await alice('GET', `/rest/api/3/issue/${key}?fields=creator`)).body).creator?.accountId).toBe(
      '712020:bob',
    );
  });

  it('answers with the reporter for an issue stored before the site kept the creator', async () => {
    const stored = site.store.issueByKey('PAY-2')!;
    const { creatorAccountId: _dropped, ...old } = stored;
    site.store.put('issue', stored.id, { ...old, reporterAccountId: '712020:carol' });
    const read = await restAs(site, 'bob')('GET', '/rest/api/3/issue/PAY-2?fields=creator,reporter');
    expect(fieldsOf(read.body).creator?.accountId).toBe('712020:carol');
    site.store.put('issue', stored.id, stored);
  });
});

describe('a grant of no role to one project', () => {
  let site: LocalSite;
  beforeAll(async () => (site = await startTestSite({ demo: true })));
  afterAll(() => site.close());

  it('overrides the person’s grant for every project: the project and its issues do not exist for them', async () => {
    const carol = restAs(site, 'carol');
    expect((await carol('GET', '/rest/api/3/issue/PAY-1?fields=summary')).status).toBe(200);
    site.store.put('grant', '712020:carol/PAY', { accountId: '712020:carol', projectKey: 'PAY', role: 'none' });
    expect((await carol('GET', '/rest/api/3/issue/PAY-1?fields=summary')).status).toBe(404);
    expect((await carol('GET', '/rest/api/3/project/PAY')).status).toBe(404);
    expect((await carol('GET', '/rest/api/3/project/PAY/properties/without.model')).status).toBe(404);
    expect((await carol('PUT', '/rest/api/3/issue/PAY-1/properties/without.task', { v: 1 })).status).toBe(404);
    const search = await carol('POST', '/rest/api/3/search/jql', { jql: 'project = PAY', fields: ['summary'] });
    expect(search.body?.issues).toEqual([]);
    expect((await carol('GET', '/rest/api/3/project/search')).body?.values).toEqual([]);
    const perms = await carol('GET', '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS');
    expect(
      (perms.body?.permissions as Record<string, { havePermission: boolean }>).BROWSE_PROJECTS?.havePermission,
    ).toBe(false);
    // Others keep their access, and taking the grant away gives carol hers back.
    expect((await restAs(site, 'bob')('GET', '/rest/api/3/issue/PAY-1?fields=summary')).status).toBe(200);
    site.store.delete('grant', '712020:carol/PAY');
    expect((await carol('GET', '/rest/api/3/issue/PAY-1?fields=summary')).status).toBe(200);
  });
});
