import { basicAuthTransport } from '../../src/jira/client/basic-auth-transport';
import { DEFAULT_RETRY, JiraClient } from '../../src/jira/client/jira-client';
import { JiraApiError } from '../../src/jira/client/jira-errors';
import { searchIssues } from '../../src/jira/client/search-issues';
import type { LocalSite } from '../../local/site/server';
import { startTestSite } from '../support/local-site';

const ISSUES = 500;

function addIssues(site: LocalSite, count: number): void {
  const project = site.store.all('project').find((p) => p.key === 'PAY')!;
  site.store.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = site.store.next('issue', 50000);
      site.store.put('issue', id, {
        id,
        key: `PAY-${site.store.next(`issue-number/${project.id}`)}`,
        projectId: project.id,
        issueTypeId: '10001',
        statusId: '10000',
        summary: `Generated story ${i}`,
        description: null,
        labels: ['generated'],
        reporterAccountId: '712020:alice',
        assigneeAccountId: null,
        created: '2026-01-01T00:00:00.000+0000',
        updated: '2026-01-01T00:00:00.000+0000',
        rank: id,
        sprintId: null,
        customFields: {},
        properties: { 'without.task': { n: i } },
      });
    }
  });
}

describe('JQL search through the jira/ client while Jira rate-limits', () => {
  let site: LocalSite;
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    addIssues(site, ISSUES);
  });
  afterAll(() => site.close());

  const client = (waits: number[]) =>
    new JiraClient(basicAuthTransport({ siteUrl: site.url, email: 'alice@example.com', apiToken: 'local-token' }), {
      sleep: async (ms) => void waits.push(ms),
    });

  it('returns all 500 issues with their properties when a third of the requests answer 429', async () => {
    site.faults.configure({ rate429: 1 / 3, rate500: 0, retryAfterSeconds: 2, seed: 7 });
    const waits: number[] = [];
    const jira = client(waits);
    const mark = site.log.mark();
    const issues = await searchIssues(jira, {
      jql: 'project = PAY AND labels = generated',
      properties: ['without.task'],
      pageSize: 50,
    });
    site.faults.configure({ rate429: 0 });

    expect(issues).toHaveLength(ISSUES);
    expect(new Set(issues.map((i) => i.id)).size).toBe(ISSUES);
    expect(issues.every((i) => typeof (i.properties['without.task'] as { n?: unknown })?.n === 'number')).toBe(true);
    const log = site.log.since(mark);
    const throttled = log.filter((e) => e.status === 429).length;
    console.log(
      `search of ${ISSUES} issues: ${log.length} requests, ${throttled} answered 429, ${jira.stats.retries} retries, ${jira.stats.waitedMs} ms waited`,
    );
    expect(throttled).toBeGreaterThan(0);
    expect(jira.stats.retries).toBe(throttled);
    expect(jira.stats.requests).toBe(log.length);
    expect(jira.stats.retries).toBeLessThanOrEqual(30);
    // Every wait honoured Retry-After (2 s), and nothing waited without being asked to.
    expect(waits).toEqual(Array(throttled).fill(2000));
  });

  it('gives up with RATE_LIMITED once the retry budget is spent, after a bounded number of requests', async () => {
    site.faults.configure({ rate429: 1, retryAfterSeconds: 1, seed: 1 });
    const waits: number[] = [];
    const mark = site.log.mark();
    const error = await searchIssues(client(waits), { jql: 'project = PAY' }).catch((e: unknown) => e);
    site.faults.configure({ rate429: 0 });
    expect(error).toBeInstanceOf(JiraApiError);
    expect((error as JiraApiError).kind).toBe('RATE_LIMITED');
    expect(site.log.since(mark)).toHaveLength(DEFAULT_RETRY.maxAttempts);
    expect(waits).toHaveLength(DEFAULT_RETRY.maxAttempts - 1);
  });

  it('never repeats a create that failed with 500, since it may have been done: the error surfaces at once', async () => {
    site.faults.configure({ rate500: 1, seed: 3 });
    const mark = site.log.mark();
    const jira = client([]);
    const error = await jira
      .post('/rest/api/3/issue', { fields: {} }, (await import('zod')).z.unknown())
      .catch((e: unknown) => e);
    site.faults.configure({ rate500: 0 });
    expect((error as JiraApiError).kind).toBe('UNAVAILABLE');
    expect(site.log.since(mark)).toHaveLength(1);
  });

  it('retries a search that hit a 500, since a search changes nothing', async () => {
    site.faults.configure({ rate500: 0.5, seed: 9 });
    const jira = client([]);
    const mark = site.log.mark();
    const issues = await searchIssues(jira, { jql: 'project = PAY AND labels = generated', pageSize: 100 });
    site.faults.configure({ rate500: 0 });
    expect(issues).toHaveLength(ISSUES);
    const failed = site.log.since(mark).filter((e) => e.status === 500).length;
    expect(failed).toBeGreaterThan(0);
    expect(jira.stats.retries).toBe(failed);
  });
});
