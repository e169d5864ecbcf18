import type { LocalSite } from '../../local/site/server';
import { queueConsumer, resolverCaller } from '../../test/support/forge-invocation';
import { addSprintStories } from '../../test/support/bulk-stories';
import { startTestSite } from '../../test/support/local-site';
import type { Envelope } from '../domain/common/envelope';
import type { AuditView } from '../contract';
import { resolver } from '../index';
import { auditWorker } from './audit-worker';

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };

// The audit worker may run 900 s: when Jira answers 40% of its requests with 429 and 10% with
// 500, it waits and retries each page instead of failing the run, which a resolver's 25 s
// budget of retries used to do once in three runs.
describe('the audit worker while Jira rate-limits', () => {
  let site: LocalSite;
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    addSprintStories(site, 2, 3000);
  });
  afterAll(() => site.close());

  it('finishes the audit of 3,000 more stories with 40% 429 and 10% 500', async () => {
    const call = resolverCaller(site, resolver);
    const consumer = queueConsumer(auditWorker);
    const queued = (await call('alice', 'audit/run', {}, onProject)) as Envelope<AuditView>;
    expect(queued.ok).toBe(true);
    const mark = site.log.mark();
    site.faults.configure({ rate429: 0.4, rate500: 0.1, retryAfterSeconds: 0, seed: 11 });
    await consumer.idle();
    site.faults.configure({ rate429: 0, rate500: 0 });
    const faulted = site.log.since(mark).filter((r) => r.fault !== undefined).length;
    expect(faulted).toBeGreaterThan(10);
    const view = (await call('alice', 'audit/get', {}, onProject)) as Envelope<AuditView>;
    expect(view.ok && view.data.run).toEqual(expect.objectContaining({ state: 'done' }));
    expect(view.ok && view.data.result?.scanned.stories).toBeGreaterThan(3000);
  }, 60_000);
});
