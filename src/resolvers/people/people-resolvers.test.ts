import type { LocalSite } from '../../../local/site/server';
import { resolverCaller } from '../../../test/support/forge-invocation';
import { startTestSite } from '../../../test/support/local-site';
import type { Envelope } from '../../domain/common/envelope';
import type { PeopleNames } from '../../contract';
import { resolver } from '../../index';

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };

describe('people/names', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
  });
  afterAll(() => site.close());

  it('answers the display names of known account ids in one request as the caller, leaving unknown ids out', async () => {
    const mark = site.log.mark();
    const answer = (await call(
      'carol',
      'people/names',
      { accountIds: ['712020:alice', '712020:bob', '712020:alice', 'gone'] },
      onProject,
    )) as Envelope<PeopleNames>;
    expect(answer).toEqual({ ok: true, data: { '712020:alice': 'Alice Admin', '712020:bob': 'Bob Developer' } });
    expect(
      site.log.since(mark).map((r) => `${r.principal === 'app' ? 'app' : 'user'} ${r.method} ${r.path.split('?')[0]}`),
    ).toEqual(['user GET /rest/api/3/user/bulk']);
  });

  it('refuses an empty or oversized list before asking Jira', async () => {
    const mark = site.log.mark();
    const empty = (await call('bob', 'people/names', { accountIds: [] }, onProject)) as Envelope<PeopleNames>;
    const many = (await call(
      'bob',
      'people/names',
      { accountIds: Array.from({ length: 101 }, (_, i) => `id-${i}`) },
      onProject,
    )) as Envelope<PeopleNames>;
    expect([empty.ok, many.ok]).toEqual([false, false]);
    expect(empty.ok ? '' : empty.error.code).toBe('BAD_REQUEST');
    expect(site.log.since(mark)).toEqual([]);
  });
});
