import type { AsyncEvent } from '@forge/events';
import { installForgeRuntime, runAs } from '../../local/forge/runtime';
import type { LocalSite } from '../../local/site/server';
import { siteClient } from '../../test/support/jira-clients';
import { startTestSite } from '../../test/support/local-site';
import { readAuditState } from '../jira/audit/audit-repository';
import { auditWorker } from '../index';

// Since @forge/events 2, Forge calls a consumer's function with an AsyncEvent: the pushed body
// plus queueName, jobId, eventId (and retryContext on a retry), not a resolver call.
// https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api-version-2-upgrade
describe('the audit worker as a @forge/events 3 consumer function', () => {
  let site: LocalSite;
  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    installForgeRuntime(site, 'ari:cloud:ecosystem::app/test');
  });
  afterAll(() => site.close());

  const event = (body: Record<string, unknown>, extra: Partial<AsyncEvent> = {}): AsyncEvent => ({
    body,
    queueName: 'without-audit',
    jobId: 'job-1',
    eventId: 'event-1',
    ...extra,
  });
  const consume = (e: AsyncEvent) =>
    runAs({ accountId: '', moduleKey: 'audit-worker' }, () =>
      (auditWorker as (event: AsyncEvent, context: unknown) => Promise<unknown>)(e, {
        installContext: 'ari:cloud:jira::site/local',
      }),
    );

  it('reads the request from event.body and completes the audit', async () => {
    await consume(event({ projectKey: 'PAY', runId: 'run-1', requestedBy: '712020:alice' }));
    const { status } = await readAuditState(siteClient(site), 'PAY');
    expect(status).toMatchObject({ state: 'done', runId: 'run-1', requestedBy: '712020:alice' });
  });

  it('runs a retried event too (retryContext is beside the body, not in it)', async () => {
    await consume(
      event(
        { projectKey: 'PAY', runId: 'run-1', requestedBy: '712020:alice' },
        { retryContext: { retryCount: 1, retryReason: 'FUNCTION_RETRY_REQUEST', retryData: null } },
      ),
    );
    expect((await readAuditState(siteClient(site), 'PAY')).status).toMatchObject({ state: 'done', runId: 'run-1' });
  });

  it('ignores an event whose body is not an audit request, before any Jira call', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const mark = site.log.mark();
    await consume(event({ projectKey: 'not a key' }));
    expect(site.log.since(mark)).toEqual([]);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('ignored'), expect.anything());
    error.mockRestore();
  });
});
