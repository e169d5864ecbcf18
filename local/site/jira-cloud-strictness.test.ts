import { basicAuthTransport } from '../../src/jira/client/basic-auth-transport';
import { JiraClient } from '../../src/jira/client/jira-client';
import { searchIssues } from '../../src/jira/client/search-issues';
import { adfText, restAs, startTestSite } from '../../test/support/local-site';
import { Faults } from './faults';
import type { LocalSite } from './server';

// Issue 16: the local site refuses what Jira Cloud refuses (screens, the field's schema, text
// limits) and answers search the way Jira Cloud does (a lagging index, short pages, 429 bursts).

const valid = { clauses: [{ id: 'c1', text: 'having the card stolen', threatIds: ['T-1'] }], threatIds: ['T-1'] };

describe('the local site is as strict as Jira Cloud', () => {
  let site: LocalSite;
  let fieldId: string;
  const alice = () => restAs(site, 'alice');
  const search = (body: Record<string, unknown>) => alice()('POST', '/rest/api/3/search/jql', body);
  const keysOf = (answer: { body?: Record<string, unknown> }) =>
    ((answer.body?.issues ?? []) as Array<{ key: string }>).map((i) => i.key);
  const createIn = async (projectKey: string, issueType: string, extra: Record<string, unknown> = {}) =>
    alice()('POST', '/rest/api/3/issue', {
      fields: { project: { key: projectKey }, issuetype: { name: issueType }, summary: 'New work', ...extra },
    });

  beforeEach(async () => {
    site = await startTestSite({ demo: true });
    fieldId = site.store.all('customField').find((f) => f.moduleKey === 'without-clauses')!.id;
  });
  afterEach(() => site.close());

  it('reads an issue id from mypermissions?issueId and a key only from issueKey', async () => {
    const byId = await alice()(
      'GET',
      `/rest/api/3/mypermissions?issueId=${site.store.issueByKey('PAY-1')!.id}&permissions=EDIT_ISSUES`,
    );
    const byKey = await alice()('GET', '/rest/api/3/mypermissions?issueKey=PAY-1&permissions=EDIT_ISSUES');
    const keyAsId = await alice()('GET', '/rest/api/3/mypermissions?issueId=PAY-1&permissions=EDIT_ISSUES');
    expect([byId.status, byKey.status, keyAsId.status]).toEqual([200, 200, 404]);
  });

  describe('screens', () => {
    it('takes the field on a story of the demo project, whose screens carry it', async () => {
      const story = await createIn('PAY', 'Story', { [fieldId]: valid });
      expect(story.status).toBe(201);
      const edit = await alice()('PUT', `/rest/api/3/issue/${String(story.body?.key)}`, {
        fields: { [fieldId]: valid },
      });
      expect(edit.status).toBe(204);
    });

    it('refuses the field where it is on no screen, with Jira’s 400 (an epic, whose screen lacks it)', async () => {
      const refusal = {
        errorMessages: [],
        errors: { [fieldId]: `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.` },
      };
      const epic = await createIn('PAY', 'Epic');
      expect(epic.status).toBe(201);
      const edit = await alice()('PUT', `/rest/api/3/issue/${String(epic.body?.key)}`, {
        fields: { [fieldId]: valid },
      });
      expect(edit).toMatchObject({ status: 400, body: refusal });
      expect(await createIn('PAY', 'Epic', { [fieldId]: valid })).toMatchObject({ status: 400, body: refusal });
      const epicIssue = site.store.issueByKey(String(epic.body?.key))!;
      expect(epicIssue.customFields[fieldId]).toBeUndefined();
    });
  });

  describe('the field’s schema and text limits', () => {
    it('refuses a value that does not match the manifest’s schema, and JQL never finds it', async () => {
      const story = site.store.all('issue').find((i) => i.issueTypeId === '10001' && i.projectId > 0)!;
      const before = story.customFields[fieldId];
      const edit = await alice()('PUT', `/rest/api/3/issue/${story.id}`, {
        fields: { [fieldId]: { clauses: 'oops', hasClauses: true } },
      });
      expect(edit.status).toBe(400);
      expect((edit.body?.errors as Record<string, string>)[fieldId]).toMatch(/does not match the field's schema/);
      expect(site.store.get('issue', story.id)!.customFields[fieldId]).toEqual(before);
      const found = await search({ jql: '"WITHOUT clauses".hasClauses = "true"', fields: ['id'] });
      expect(keysOf(found)).toEqual([]);
    });

    it('checks the app’s own field-value API against the same schema', async () => {
      const story = site.store.all('issue')[0]!;
      const app = await fetch(`${site.url}/rest/api/3/app/field/${fieldId}/value`, {
        method: 'PUT',
        headers: {
          Authorization: `Bearer ${site.auth.issueForgeToken('app-without-for-jira')}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ updates: [{ issueIds: [story.id], value: { threatIds: 'T-1' } }] }),
      });
      expect(app.status).toBe(400);
    });

    it('refuses a description over 32,767 characters as Jira Cloud does (CONTENT_LIMIT_EXCEEDED)', async () => {
      const long = await createIn('PAY', 'Task', { description: adfText('x'.repeat(33_000)) });
      expect(long).toMatchObject({ status: 400, body: { errorMessages: ['CONTENT_LIMIT_EXCEEDED'] } });
      expect(await createIn('PAY', 'Task', { summary: 'y'.repeat(256) })).toMatchObject({ status: 400 });
    });
  });

  describe('search lags behind writes unless the issue is reconciled', () => {
    beforeEach(() => site.faults.configure({ searchLagWrites: 2 }));

    it('misses a created issue and answers an edited one as it was, until reconciled or indexed', async () => {
      const created = await createIn('PAY', 'Task', { labels: ['lagging'] });
      const id = Number(created.body?.id);
      const jql = 'project = PAY AND labels = lagging';
      expect(keysOf(await search({ jql }))).toEqual([]);
      expect(keysOf(await search({ jql, reconcileIssues: [id] }))).toEqual([created.body?.key]);
      // A GET by id is always fresh.
      expect((await alice()('GET', `/rest/api/3/issue/${id}`)).status).toBe(200);

      await alice()('PUT', `/rest/api/3/issue/${id}`, { fields: { summary: 'Renamed' } });
      await alice()('PUT', `/rest/api/3/issue/${id}`, { fields: { labels: ['moved-on'] } });
      // Two later writes: the create is indexed, the two edits are not yet.
      const stale = await search({ jql, fields: ['summary'] });
      expect(keysOf(stale)).toEqual([created.body?.key]);
      expect((stale.body?.issues as Array<{ fields: { summary: string } }>)[0]!.fields.summary).toBe('New work');
      expect(keysOf(await search({ jql, reconcileIssues: [id] }))).toEqual([]);
      site.searchIndex.flush();
      expect(keysOf(await search({ jql }))).toEqual([]);
    });

    it('refuses more than 50 reconciled ids, as Jira does', async () => {
      const ids = Array.from({ length: 51 }, (_, i) => 10_000 + i);
      expect((await search({ jql: 'project = PAY', reconcileIssues: ids })).status).toBe(400);
    });
  });

  describe('short pages and 429 bursts (seeded)', () => {
    const client = (waits: number[]) =>
      new JiraClient(basicAuthTransport({ siteUrl: site.url, email: 'alice@example.com', apiToken: 'local-token' }), {
        sleep: async (ms) => void waits.push(ms),
      });

    it('answers pages shorter than maxResults that are not the last; the client reads every issue', async () => {
      const all = await searchIssues(client([]), { jql: 'project = PAY ORDER BY key', pageSize: 10 });
      site.faults.configure({ shortPageRate: 0.6, seed: 5 });
      const paged = await searchIssues(client([]), { jql: 'project = PAY ORDER BY key', pageSize: 5 });
      expect(paged.map((i) => i.key)).toEqual(all.map((i) => i.key));
      let short = 0;
      let token: unknown;
      do {
        const page = await search({ jql: 'project = PAY ORDER BY key', maxResults: 5, nextPageToken: token });
        token = page.body?.nextPageToken;
        if ((page.body?.issues as unknown[]).length < 5 && token) short++;
      } while (token);
      expect(short).toBeGreaterThan(0);
    });

    it('sends 429s in bursts, some without Retry-After, and the client still reads everything', async () => {
      const faults = new Faults();
      faults.configure({ rate429: 0.2, burst429: 3, rate429WithoutRetryAfter: 0.5, seed: 11 });
      const kinds = Array.from({ length: 200 }, () => faults.decide());
      const runs =
        kinds
          .map((k) => k.kind)
          .join('')
          .match(/(429)+/g) ?? [];
      expect(runs.every((run) => run.length >= 9)).toBe(true);
      expect(kinds.some((k) => k.kind === '429' && k.retryAfterSeconds === undefined)).toBe(true);
      expect(kinds.some((k) => k.kind === '429' && k.retryAfterSeconds === 1)).toBe(true);

      const all = await searchIssues(client([]), { jql: 'project = PAY ORDER BY key', pageSize: 5 });
      site.faults.configure({ rate429: 0.15, burst429: 3, rate429WithoutRetryAfter: 0.5, seed: 3 });
      const waits: number[] = [];
      const mark = site.log.mark();
      const read = await searchIssues(client(waits), { jql: 'project = PAY ORDER BY key', pageSize: 5 });
      expect(read.map((i) => i.key)).toEqual(all.map((i) => i.key));
      const answered = site.log.since(mark);
      expect(answered.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(3);
      // Without Retry-After the client backs off on its own (250 ms, doubling), never 0 ms.
      expect(waits.every((ms) => ms > 0)).toBe(true);
    });
  });
});
