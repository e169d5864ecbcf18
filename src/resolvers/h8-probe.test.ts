import type { LocalSite } from '../../local/site/server';
import { resolverCaller } from '../../test/support/forge-invocation';
import { startTestSite } from '../../test/support/local-site';
import type { StoryView } from '../contract';
import type { Envelope } from '../domain/common/envelope';
import { resolver } from '../index';

const onIssue = { type: 'jira:issuePanel', issue: { id: '10000' }, project: { id: '10000', key: 'PAY' } };
it('probe accept', async () => {
  const site: LocalSite = await startTestSite({ demo: true });
  const call = resolverCaller(site, resolver);
  const story = async () => (await call('bob', 'story/get', {}, onIssue)) as Envelope<StoryView>;
  await story();
  for (const t of ['WEB-I-01', 'WEB-S-01']) {
    const before = await story();
    if (!before.ok) throw new Error('x');
    site.faults.configure({ latencyMs: 60 });
    const mark = site.log.mark();
    const a = (await call('bob', 'knowledge-base/accept', { knowledgeBaseId: 'web-and-api', templateId: t, baseRevision: before.data.revision }, onIssue)) as Envelope<StoryView>;
    site.faults.configure({ latencyMs: 0 });
    const reqs = site.log.since(mark);
    const t0 = reqs[0]!.startedMs!;
    console.log(JSON.stringify(a.ok ? 'ok' : a.error), '\n' + reqs.map((r) => `${Math.round(r.startedMs! - t0)}-${Math.round(r.endedMs! - t0)} ${r.principal === 'app' ? 'app' : 'user'} ${r.method} ${r.path}${r.query.slice(0, 150)} ${r.status}`).join('\n'));
  }
  await site.close();
});
