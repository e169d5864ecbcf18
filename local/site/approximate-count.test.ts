import { restAs, startTestSite } from '../../test/support/local-site';
import type { LocalSite } from './server';

// POST /rest/api/3/search/approximate-count as Atlassian documents it: "an estimated count of the
// issues that match the JQL. Recent updates might not be immediately visible in the returned
// output. This endpoint requires JQL to be bounded"; the body takes `jql` alone
// (JQLCountRequestBean, additionalProperties false). Only issues the caller may browse count, as
// in search (the same filter).
// https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-approximate-count-post

describe('the local site counts issues as Jira Cloud does', () => {
  let site: LocalSite;
  const count = async (who: 'alice', body: unknown) =>
    restAs(site, who)('POST', '/rest/api/3/search/approximate-count', body);
  const jql = 'project = PAY AND labels = counted';

  beforeEach(async () => {
    site = await startTestSite({ demo: true });
  });
  afterEach(() => site.close());

  it('counts what search finds, and misses a write until the search index has it', async () => {
    const before = await count('alice', { jql: 'project = PAY' });
    expect(before).toMatchObject({ status: 200, body: { count: expect.any(Number) } });
    expect((before.body as { count: number }).count).toBeGreaterThan(10);

    site.faults.configure({ searchLagWrites: 2 });
    const created = await restAs(site, 'alice')('POST', '/rest/api/3/issue', {
      fields: { project: { key: 'PAY' }, issuetype: { name: 'Task' }, summary: 'Counted', labels: ['counted'] },
    });
    expect(created.status).toBe(201);
    expect((await count('alice', { jql })).body).toEqual({ count: 0 });
    site.searchIndex.flush();
    expect((await count('alice', { jql })).body).toEqual({ count: 1 });
  });

  it('refuses unbounded JQL, JQL it cannot parse, and keys the body does not take', async () => {
    expect((await count('alice', { jql: 'ORDER BY key' })).status).toBe(400);
    expect((await count('alice', { jql: 'project in (' })).status).toBe(400);
    expect((await count('alice', { jql: 'project = PAY', maxResults: 1 })).status).toBe(400);
    expect((await count('alice', {})).status).toBe(400);
  });
});
