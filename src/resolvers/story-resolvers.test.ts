import type { LocalSite } from '../../local/site/server';
import { resolverCaller } from '../../test/support/forge-invocation';
import { restAs, startTestSite } from '../../test/support/local-site';
import { resolver } from '../index';

const onIssue = (id: string) => ({ type: 'jira:issuePanel', issue: { id }, project: { id: '10000', key: 'PAY' } });

describe('story/get', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterAll(() => site.close());

  it('reads the story and its clauses as the invoking user, in a constant number of requests', async () => {
    await call('alice', 'story/get', {}, onIssue('10000'));
    const mark = site.log.mark();
    const answer = await call('bob', 'story/get', {}, onIssue('10000'));
    expect(answer).toEqual({
      ok: true,
      data: {
        issueId: '10000',
        issueKey: 'PAY-1',
        summary: 'As a buyer, I want to pay with my credit card so that I can buy goods',
        clauses: [{ id: 'c1-1', text: 'having my card data stolen', threatIds: ['T-1'] }],
        canEdit: true,
        problems: [],
      },
    });
    // The field id is cached, so a panel costs two requests: the issue and the permission.
    const requests = site.log.since(mark);
    expect(requests.map((r) => `${r.principal} ${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['712020:bob GET /rest/api/3/issue/10000', '712020:bob GET /rest/api/3/mypermissions']),
    );
    expect(requests).toHaveLength(2);
  });

  it('tells carol she cannot edit', async () => {
    const answer = (await call('carol', 'story/get', {}, onIssue('10000'))) as { ok: true; data: { canEdit: boolean } };
    expect(answer.data.canEdit).toBe(false);
  });

  it('answers NOT_FOUND for an issue that does not exist', async () => {
    expect(await call('alice', 'story/get', {}, onIssue('99999'))).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'The issue or project does not exist, or you cannot see it.' },
    });
  });

  it('answers BAD_REQUEST when opened outside an issue', async () => {
    expect(await call('alice', 'story/get', {}, { type: 'jira:projectPage' })).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'This panel only works on an issue.' },
    });
  });

  it('reports a value someone broke through the REST API instead of failing', async () => {
    const alice = restAs(site, 'alice');
    const fields = (await alice('GET', '/rest/api/3/field')).body as unknown as Array<{ id: string; name: string }>;
    const fieldId = fields.find((f) => f.name === 'WITHOUT clauses')!.id;
    const broken = await alice('PUT', '/rest/api/3/issue/PAY-2', { fields: { [fieldId]: { clauses: [{ id: 'x', text: 'ok text', threatIds: ['not-a-threat'] }] } } });
    expect(broken.status).toBe(204);
    const answer = (await call('alice', 'story/get', {}, onIssue('10001'))) as { ok: true; data: { clauses: unknown[]; problems: string[] } };
    expect(answer.ok).toBe(true);
    expect(answer.data.clauses).toEqual([]);
    expect(answer.data.problems).toEqual([expect.stringContaining('A threat id looks like T-12')]);
  });

  it('answers JIRA_UNAVAILABLE when Jira keeps failing', async () => {
    site.faults.configure({ rate500: 1, seed: 1 });
    try {
      const answer = await call('alice', 'story/get', {}, onIssue('10000'));
      expect(answer).toEqual({ ok: false, error: { code: 'JIRA_UNAVAILABLE', message: 'Jira did not answer properly. Try again in a moment.' } });
    } finally {
      site.faults.configure({ rate500: 0 });
    }
  }, 30_000);
});
