import type { LocalSite } from '../../../local/site/server';
import { queueConsumer, resolverCaller } from '../../../test/support/forge-invocation';
import { startTestSite } from '../../../test/support/local-site';
import { measureCall, type CallCost } from '../../../test/support/round-trips';
import type { AuditExport, AuditView } from '../../contract';
import { NO_FILTERS } from '../../domain/audit/finding-page';
import type { Envelope } from '../../domain/common/envelope';
import { auditWorker, resolver } from '../../index';

// The Audit tab's reads on the demo project, as budgets (issue 20): the model with the audit's
// status and suppressions in one request beside the person's permissions, then the result the
// status points at beside the editor checks: at most 4 requests in 2 round trips, whatever page
// or filters the person asks for. The export and the threat search cost as little.

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };

describe('the audit tab’s requests and round trips (demo project)', () => {
  let site: LocalSite;
  let call: ReturnType<typeof resolverCaller>;
  const cost = async <T>(who: 'alice' | 'bob', key: string, payload: unknown): Promise<CallCost & { data: T }> => {
    let answer: unknown;
    const measured = await measureCall(site, async () => {
      answer = await call(who, key, payload, onProject);
    });
    const envelope = answer as Envelope<T>;
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return { ...measured, data: envelope.data };
  };

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    call = resolverCaller(site, resolver);
    const consumer = queueConsumer(auditWorker, 'run-audit');
    await call('alice', 'audit/run', {}, onProject);
    await consumer.idle();
  });
  afterAll(() => site.close());

  it('audit/get: 4 requests in 2 round trips, the first page or a filtered one', async () => {
    const first = await cost<AuditView>('bob', 'audit/get', {});
    console.log(`audit/get on the demo: ${first.requests} requests, ${first.roundTrips} round trips`);
    expect(first.data.result!.findings.length).toBeGreaterThan(0);
    expect(first.requests).toBeLessThanOrEqual(4);
    expect(first.roundTrips).toBeLessThanOrEqual(2);
    const critical = await cost<AuditView>('bob', 'audit/get', { filters: { ...NO_FILTERS, severity: 'critical' } });
    expect(critical.data.result!.findings.every((f) => f.severity === 'critical')).toBe(true);
    expect(critical.data.result!.page.total).toBe(critical.data.result!.counts.bySeverity.critical);
    expect(critical.requests).toBeLessThanOrEqual(4);
    expect(critical.roundTrips).toBeLessThanOrEqual(2);
  });

  it('audit/find-threats: the model and the browse check, side by side', async () => {
    const found = await cost<{ threats: Array<{ id: string }> }>('bob', 'audit/find-threats', { query: 'T-5' });
    expect(found.data.threats.map((t) => t.id)).toContain('T-5');
    expect(found.requests).toBeLessThanOrEqual(2);
    expect(found.roundTrips).toBeLessThanOrEqual(1);
  });

  it('audit/export: the status and suppressions, then the result, beside the browse check', async () => {
    const file = await cost<AuditExport>('bob', 'audit/export', { format: 'csv' });
    expect(file.data).toMatchObject({ part: 0, parts: 1, mimeType: 'text/csv;charset=utf-8' });
    expect(file.requests).toBeLessThanOrEqual(3);
    expect(file.roundTrips).toBeLessThanOrEqual(2);
  });
});
