import type { InterchangeExport, ReportDocument } from '../../src/contract';
import type { Envelope } from '../../src/domain/common/envelope';
import { resolver } from '../../src/index';
import { runAuditJob } from '../../src/app/audit/run-audit-job';
import { addBenchSprint, random, removeDemoTasks, seedBenchModel } from '../bench/bench-data';
import { resolverCaller } from '../support/forge-invocation';
import { siteClient } from '../support/jira-clients';
import { startTestSite } from '../support/local-site';
import { measureCall } from '../support/round-trips';

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };
it.each([[1000, 2000, 300], [5000, 10000, 3000]])('whole downloads at %d threats', async (threats, mitigations, tasks) => {
  const site = await startTestSite({ demo: true });
  removeDemoTasks(site);
  const sprint = addBenchSprint(site, 10000, threats, random(threats));
  await seedBenchModel(site, { threats, mitigations, tasks, retiredShare: 0.02, seed: 7 }, [sprint]);
  await runAuditJob(siteClient(site), { projectKey: 'PAY', runId: 'm', requestedBy: '712020:alice' });
  const call = resolverCaller(site, resolver);
  for (const format of ['otm', 'threat-composer']) {
    let from: InterchangeExport['next'] = null; let first = true; let parts = 0, req = 0, rt = 0, maxRt = 0, bytes = 0, maxB = 0;
    while (first || from) {
      let env!: Envelope<InterchangeExport>;
      const c = await measureCall(site, async () => { env = (await call('bob', 'interchange/export', { format, ...(from ? { from } : {}) }, onProject)) as Envelope<InterchangeExport>; }, 20);
      if (!env.ok) throw new Error(env.error.message);
      parts++; req += c.requests; rt += c.roundTrips; maxRt = Math.max(maxRt, c.roundTrips);
      const b = Buffer.byteLength(JSON.stringify(env)); bytes += b; maxB = Math.max(maxB, b);
      from = env.data.next; first = false;
    }
    console.log(`${threats} ${format}: ${parts} parts, ${req} requests, ${rt} round trips (max ${maxRt} a part), ${bytes} bytes (max ${maxB})`);
  }
  let parts = 1, req = 0, rt = 0, maxB = 0;
  let env!: Envelope<ReportDocument>;
  let c = await measureCall(site, async () => { env = (await call('bob', 'report/get', { format: 'html' }, onProject)) as Envelope<ReportDocument>; }, 20);
  if (!env.ok) throw new Error(env.error.message);
  const first = env.data; req += c.requests; rt += c.roundTrips; maxB = Buffer.byteLength(JSON.stringify(env)); let total = maxB;
  for (let index = 1; index < first.parts; index++) {
    c = await measureCall(site, async () => { env = (await call('bob', 'report/get', { format: 'html', part: { index, generatedAt: first.generatedAt, digest: first.digest } }, onProject)) as Envelope<ReportDocument>; }, 20);
    parts++; req += c.requests; rt += c.roundTrips; const b = Buffer.byteLength(JSON.stringify(env)); maxB = Math.max(maxB, b); total += b;
  }
  console.log(`${threats} report html: ${parts} parts, ${req} requests, ${rt} round trips, ${total} bytes (max ${maxB})`);
  await site.close();
}, 900_000);
