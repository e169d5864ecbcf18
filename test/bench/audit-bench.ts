import { auditJiraProject } from '../../src/jira/audit/project-audit';
import { siteClient } from '../support/jira-clients';
import { startTestSite } from '../support/local-site';
import { addBenchSprint, random, removeDemoTasks, seedBenchModel } from './bench-data';
import { round } from './bench-report';

// The audit of a big project through the same code as the app's worker (a shared run, which also
// reads every issue's security level as it is now: see withLevelsNow) and the command line:
// 10,000 stories with clauses (30,000 and 50,000 with --audit-sizes), 1,000 threats, 3,000
// mitigation tasks, read by paged JQL, with the site answering each request after `latencyMs`.
// Budgets: the worker's 900 s (manifest.yml, timeoutSeconds) and 512 MB of heap.

/** What the audit may take: the audit worker's timeout (manifest.yml) and the memory budget. */
export const AUDIT_TIME_BUDGET_S = 900;
export const AUDIT_HEAP_BUDGET_MB = 512;

export interface AuditBench {
  stories: number;
  threats: number;
  mitigations: number;
  tasks: number;
  findings: number;
  requests: number;
  /**
   * What paging costs: ceil(stories/100) + ceil(tasks/100) (the searches) + ceil(recorded
   * tasks/100) (read fresh) + ceil(other issues/100) (their levels as they are now) + the model,
   * the field list, the issue types.
   */
  expectedRequests: number;
  timeMs: number;
  /** Injected latency of every Jira request during the timed run. */
  latencyMs: number;
  peakHeapMb: number;
  timeBudgetS: number;
  heapBudgetMb: number;
  withinBudget: boolean;
}

const MB = 1024 * 1024;

export async function benchAudit(
  progress: (message: string) => void,
  gc: () => void,
  sizes = { stories: 10_000, threats: 1000, mitigations: 4500, tasks: 3000 },
  latencyMs = 0,
): Promise<AuditBench> {
  const site = await startTestSite({ demo: true, dataFile: ':memory:' });
  try {
    const rng = random(20261124);
    removeDemoTasks(site);
    progress(`audit: adding ${sizes.stories} stories and a ${sizes.threats}-threat model with ${sizes.tasks} tasks`);
    const sprint = addBenchSprint(site, sizes.stories, sizes.threats, rng);
    const model = await seedBenchModel(
      site,
      { threats: sizes.threats, mitigations: sizes.mitigations, tasks: sizes.tasks, retiredShare: 0.02, seed: 11 },
      [sprint],
    );
    const client = siteClient(site);
    site.faults.configure({ latencyMs });
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const sample = () => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    };
    const timer = setInterval(sample, 5);
    const mark = site.log.mark();
    const started = performance.now();
    const result = await auditJiraProject(client, 'PAY', {
      now: new Date().toISOString(),
      suppressions: [],
      shared: true,
      onProgress: sample,
    });
    const timeMs = performance.now() - started;
    clearInterval(timer);
    sample();
    const requests = site.log.since(mark).length;
    site.faults.configure({ latencyMs: 0 });
    progress(`audit: ${result.totals.findings} findings in ${Math.round(timeMs)} ms, ${requests} requests`);
    const peakHeapMb = round((peak - baseline) / MB);
    return {
      stories: result.scanned.stories,
      threats: model.threats,
      mitigations: model.mitigations,
      tasks: result.scanned.tasks,
      findings: result.totals.findings,
      requests,
      expectedRequests:
        2 * Math.ceil(result.scanned.stories / 100) +
        Math.ceil(result.scanned.tasks / 100) +
        Math.ceil(sizes.tasks / 100) +
        Math.ceil(Math.max(0, result.scanned.tasks - sizes.tasks) / 100) +
        3,
      timeMs: round(timeMs),
      latencyMs,
      peakHeapMb,
      timeBudgetS: AUDIT_TIME_BUDGET_S,
      heapBudgetMb: AUDIT_HEAP_BUDGET_MB,
      withinBudget: timeMs / 1000 <= AUDIT_TIME_BUDGET_S && peakHeapMb <= AUDIT_HEAP_BUDGET_MB,
    };
  } finally {
    await site.close();
  }
}

export const auditLines = (a: AuditBench): string[] => [
  `Audit (the app's worker; npx without audit skips the levels' read): ${a.stories} stories, ${a.threats} threats, ${a.mitigations} mitigations, ${a.tasks} tasks -> ${a.findings} findings`,
  `  requests ${a.requests} (paging: 2 x ceil(stories/100) + ceil(tasks/100) + ceil(recorded tasks/100) + ceil(unrecorded tasks/100) + model + field list + issue types = ${a.expectedRequests}); ` +
    `time ${round(a.timeMs / 1000)} s / ${a.timeBudgetS} s at ${a.latencyMs} ms a request; peak heap ${a.peakHeapMb} MB / ${a.heapBudgetMb} MB above baseline  ` +
    (a.withinBudget ? 'within' : 'OVER'),
];
