import type { LocalSite } from '../../local/site/server';
import { auditWorker, resolver } from '../../src/index';
import { queueConsumer, resolverCaller } from './forge-invocation';
import { startTestSite } from './local-site';

/** What the audit's resolver tests drive: a demo site, the app's resolvers, and its audit worker's queue. */
export interface AuditSite {
  site: LocalSite;
  call: ReturnType<typeof resolverCaller>;
  consumer: ReturnType<typeof queueConsumer>;
}

export async function startAuditSite(): Promise<AuditSite> {
  const site = await startTestSite({ demo: true });
  return { site, call: resolverCaller(site, resolver), consumer: queueConsumer(auditWorker, 'run-audit') };
}
