import { auditLines, type AuditBench } from './audit-bench';
import { knowledgeBaseLines, type KnowledgeBaseBench } from './knowledge-base-bench';
import { interchangeLines, type InterchangeBench } from './interchange-bench';
import type { RequestKind } from './forge-replay';
import { editCpuLines, type ScaleBench } from './scale-bench';
import { viewsLines } from './views-bench';

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
  /** Every row of every part below within its budget. */
  allWithinBudget: boolean;
  sizes: SizeResult[];
  /** Every view and edit at each model size, and the edits' own CPU against a small model. */
  scale?: ScaleBench;
  /** The audit at each size (`--audit-sizes`). */
  audit?: AuditBench[];
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

/** What is over its budget, one line each (empty: all within). */
export function overBudget(report: Omit<BenchReport, 'allWithinBudget'>): string[] {
  const over: string[] = [];
  for (const s of report.sizes) if (!s.withinBudget) over.push(`sprint/get at ${s.stories} stories`);
  for (const m of report.scale?.models ?? []) {
    for (const r of m.rows) if (!r.withinBudget) over.push(`${r.view} at ${m.threats} threats (${r.over.join(', ')})`);
    for (const r of m.refresh) if (!r.withinBudget) over.push(`${r.page} at ${r.tasks} tasks`);
  }
  for (const e of report.scale?.editCpu ?? []) if (!e.withinBudget) over.push(`${e.key} own CPU ${e.ratio}x`);
  for (const a of report.audit ?? []) if (!a.withinBudget) over.push(`audit at ${a.stories} stories`);
  const kb = report.knowledgeBases;
  if (kb && kb.builtInOnly.requests > kb.budget.builtInOnly) over.push('knowledge-base/suggest (built-in)');
  if (kb && kb.withUpload.requests > kb.budget.withUpload) over.push('knowledge-base/suggest (with an upload)');
  if (report.interchange && !report.interchange.withinLimits) over.push('interchange');
  return over;
}

export const allWithinBudget = (report: Omit<BenchReport, 'allWithinBudget'>): boolean =>
  overBudget(report).length === 0;

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
    ...(report.scale ? [...report.scale.models.flatMap(viewsLines), ...editCpuLines(report.scale.editCpu), ''] : ['']),
    ...(report.audit ?? []).flatMap((a) => [...auditLines(a), '']),
    ...(report.knowledgeBases ? [...knowledgeBaseLines(report.knowledgeBases), ''] : []),
    ...(report.interchange ? [...interchangeLines(report.interchange), ''] : []),
    'Notes:',
    ...report.notes.map((n) => `- ${n}`),
    '',
    `Total run time ${round(environment.totalSeconds)} s; process rss at the end ${round(environment.rssMb)} MB (site included).`,
    report.allWithinBudget ? 'Every row is within its budget.' : `OVER budget: ${overBudget(report).join('; ')}.`,
  ].join('\n');
}
