import { auditLines, type AuditBench } from './audit-bench';
import { knowledgeBaseLines, type KnowledgeBaseBench } from './knowledge-base-bench';
import { interchangeLines, type InterchangeBench } from './interchange-bench';
import type { RequestKind } from './forge-replay';
import { viewsLines, type ViewsBench } from './views-bench';

// What the benchmark prints: one row per sprint size, as a table or as JSON.

export interface SizeResult {
  stories: number;
  /** Jira requests of one sprint/get with warm caches (counted by the site's request log). */
  requests: number;
  budget: number;
  withinBudget: boolean;
  /** The same requests, by why they were made (from the app's side of the wire). */
  breakdown: Record<RequestKind, number>;
  /** ceil((stories + tasks in the sprint) / 100) + 1 + shards + 1 + ceil(all tasks / 100). */
  expectedRequests: number;
  tasksInSprint: number;
  naiveRequests: number;
  requestRatio: number;
  timeMs: number;
  naiveTimeMs: number;
  timeRatio: number;
  computeMs: number;
  planMs: number;
  responseBytes: number;
  memoryMb: number;
  /** Whether the naive implementation produced the same plan. */
  naiveMatches: boolean;
}

export interface BenchReport {
  sizes: SizeResult[];
  views?: ViewsBench;
  audit?: AuditBench;
  knowledgeBases?: KnowledgeBaseBench;
  interchange?: InterchangeBench;
  model: { threats: number; mitigations: number; shards: number; tasks: number; tasksInOtherSprint: number };
  environment: {
    node: string;
    cpus: number;
    runs: number;
    latencyMs: number;
    naiveConcurrency: number;
    totalSeconds: number;
    /** Whole process, the in-process site included, at the end. */ rssMb: number;
  };
  notes: string[];
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export function table(report: BenchReport): string {
  const header = [
    'stories',
    'requests',
    'budget',
    'within budget',
    'naive requests',
    'request ratio',
    'time ms',
    'naive time ms',
    'time ratio',
    'compute ms',
    'plan ms',
    'response KB',
    'memory MB',
  ];
  const rows = report.sizes.map((s) => [
    String(s.stories),
    String(s.requests),
    String(s.budget),
    s.withinBudget ? 'yes' : 'no',
    String(s.naiveRequests),
    `${s.requestRatio.toFixed(1)}x`,
    String(round(s.timeMs)),
    String(round(s.naiveTimeMs)),
    `${s.timeRatio.toFixed(1)}x`,
    String(round(s.computeMs)),
    String(round(s.planMs, 2)),
    String(round(s.responseBytes / 1024)),
    String(round(s.memoryMb)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 3 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  const breakdown = report.sizes.map(
    (s) =>
      `  ${String(s.stories).padStart(5)} stories: ${s.breakdown.storySearch} story search pages (${s.tasksInSprint} task${s.tasksInSprint === 1 ? '' : 's'} in the sprint) + ${s.breakdown.modelRead} model reads + ` +
      `${s.breakdown.taskSearch} task search pages + ${s.breakdown.permissions} permissions` +
      (s.breakdown.sprint + s.breakdown.fields + s.breakdown.other > 0
        ? ` + ${s.breakdown.sprint + s.breakdown.fields + s.breakdown.other} other`
        : '') +
      ` = ${s.requests} (expected ${s.expectedRequests}); naive plan identical: ${s.naiveMatches ? 'yes' : 'NO'}`,
  );
  const { model, environment } = report;
  return [
    `sprint/get, PAY with ${model.threats} threats, ${model.mitigations} mitigations in ${model.shards} shards, ${model.tasks} mitigation tasks ` +
      `(node ${environment.node}, ${environment.cpus} CPUs, median of ${environment.runs} runs, injected Jira latency ${environment.latencyMs} ms)`,
    '',
    line(header),
    rule,
    ...rows.map(line),
    '',
    'Requests per call:',
    ...breakdown,
    ...(report.views ? [...viewsLines(report.views), ''] : ['']),
    ...(report.audit ? [...auditLines(report.audit), ''] : []),
    ...(report.knowledgeBases ? [...knowledgeBaseLines(report.knowledgeBases), ''] : []),
    ...(report.interchange ? [...interchangeLines(report.interchange), ''] : []),
    'Notes:',
    ...report.notes.map((n) => `- ${n}`),
    '',
    `Total run time ${round(environment.totalSeconds)} s; process rss at the end ${round(environment.rssMb)} MB (site included).`,
  ].join('\n');
}
