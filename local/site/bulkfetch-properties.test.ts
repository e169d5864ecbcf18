import { restAs, startTestSite } from '../../test/support/local-site';
import type { LocalSite } from './server';

// Bulk fetch issues returns at most five issue properties: "A maximum of 5 issue property keys can
// be specified" (BulkFetchIssueRequestBean.properties). The local site refuses a sixth, so an app
// read that asks for more (as the accept's read of a story with its save locks once did) fails here.
// https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-bulkfetch-post

describe('POST /rest/api/3/issue/bulkfetch and issue properties', () => {
  let site: LocalSite;
  beforeAll(async () => (site = await startTestSite({ demo: true })));
  afterAll(() => site.close());

  const bulk = (properties: string[]) =>
    restAs(site, 'alice')('POST', '/rest/api/3/issue/bulkfetch', {
      issueIdsOrKeys: ['PAY-1'],
      fields: ['summary'],
      properties,
    });

  it('answers five property keys, with the properties that exist', async () => {
    await restAs(site, 'alice')('PUT', '/rest/api/3/issue/PAY-1/properties/p1', { n: 1 });
    const answer = await bulk(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(answer.status).toBe(200);
    const [issue] = answer.body?.issues as Array<{ properties: Record<string, unknown> }>;
    expect(issue!.properties).toEqual({ p1: { n: 1 } });
  });

  it('refuses six with a 400', async () => {
    const answer = await bulk(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(answer.status).toBe(400);
    expect(answer.body?.errorMessages).toEqual(['A maximum of 5 issue property keys can be specified.']);
  });
});
