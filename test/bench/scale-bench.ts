// The views and edits at scale: for each model size a project of its own (the demo's PAY with
// `stories` stories with clauses, a sprint of `sprintStories` of them, the rest in the backlog,
// a model of N threats and 2N mitigations, and `tasks` mitigation tasks), measured by
// views-bench.ts; then the edits' own CPU on the largest model against a 100-threat one, each on a
// small project of its own, for "an edit's CPU is proportional to the edit, not to the model"
// (app-cpu.ts says how it is measured).

import type { LocalSite } from '../../local/site/server';
import { runAuditJob } from '../../src/app/audit/run-audit-job';
import { resolver } from '../../src/index';
import { resolverCaller } from '../support/forge-invocation';
import { startTestSite } from '../support/local-site';
import { siteClient } from '../support/jira-clients';
import { TASK_PROPERTY } from '../../src/jira/mitigation/mitigation-task-repository';
import { readThreatModel } from '../../src/jira/threat-model/threat-model-repository';
import { addBenchSprint, random, removeDemoTasks, seedBenchModel } from './bench-data';
import { round } from './bench-report';
import { ForgeFetchTap } from './forge-replay';
import { PAGE_POINTS_BUDGET, RATE_LIMITING_PAGE, TIER_1_POINTS_AN_HOUR } from './quota';
import type { Spread } from './app-cpu';
import { benchViews, type ViewRow, type ViewsBench } from './views-bench';

export interface ModelSize {
  threats: number;
  tasks: number;
}

export interface ScaleOptions {
  models: ModelSize[];
  stories: number;
  sprintStories: number;
  runs: number;
  /** Threats of the small model the edits' own CPU is compared with. */
  cpuBaseline: number;
  /** Measure the demo project as it is, too. */
  demo: boolean;
}

/** How EditCpu's figures are measured, printed beside them (and in the JSON). */
export const EDIT_CPU_MEASURE =
  "the app's own CPU: the moments no Jira request is in flight (the in-process site works only inside " +
  "requests), counted as the smaller of the process's CPU time in them (process.cpuUsage, V8's helper " +
  'threads included) and their wall time (waits for a core included), two upper bounds of the main ' +
  "thread's CPU; each edit warmed once, at 0 ms latency; the median of the runs, with the least and most; " +
  'ratio = median on the large model / median on the small one, each on a project of its own with the same stories';

/** An edit's own CPU on the largest model against the small one. */
export interface EditCpu {
  key: string;
  /** What the figures are (EDIT_CPU_MEASURE). */
  measure: string;
  /** cpuMs: the app's own CPU over the runs; gcMs: of it, GC pauses (median); appMs: the wall-time figure (median). */
  baseline: { threats: number; cpuMs: Spread; gcMs: number; appMs: number };
  large: { threats: number; cpuMs: Spread; gcMs: number; appMs: number };
  /** Median over median. */
  ratio: number;
  /** Only create-threat has one (the issue's "within 2x"); the others are shown beside it. */
  budget: number | null;
  withinBudget: boolean;
}

export interface ScaleBench {
  models: ViewsBench[];
  editCpu: EditCpu[];
  /** What the requests an hour are held against (quota.ts). */
  quota: { source: string; tier1PointsAnHour: number; pagePointsBudget: number };
}

const SEED = 20261202;
const PAY_ID = 10000;
const isStory = (i: { projectId: number; issueTypeId: string }) => i.projectId === PAY_ID && i.issueTypeId === '10001';

/** PAY with a sprint of `sprintStories` and the rest of `stories` in the backlog, all with clauses. */
function addStories(site: LocalSite, threats: number, stories: number, sprintStories: number) {
  const rng = random(SEED + threats);
  removeDemoTasks(site);
  const demoStories = site.store.all('issue').filter(isStory).length;
  const sprint = addBenchSprint(site, sprintStories, threats, rng);
  const rest = stories - demoStories - sprintStories;
  if (rest > 0) {
    // Added as a sprint, then moved to the backlog (a story of the backlog has no sprint).
    const backlog = addBenchSprint(site, rest, threats, rng);
    site.store.transaction(() => {
      for (const issue of site.store.all('issue'))
        if (issue.sprintId === backlog.sprintId) site.store.put('issue', issue.id, { ...issue, sprintId: null });
      site.store.delete('sprint', backlog.sprintId);
    });
  }
  return sprint;
}

/** The demo project as `npm start` seeds it: every view and edit at the size people first see. */
async function measureDemo(options: ScaleOptions, progress: (message: string) => void, gc: () => void) {
  const site = await startTestSite({ demo: true, dataFile: ':memory:' });
  try {
    const stored = await readThreatModel(siteClient(site), 'PAY');
    const sprint = site.store.all('sprint').find((s) => s.state === 'active' && s.boardId === 1)!;
    const issues = site.store.all('issue');
    const stories = issues.filter(isStory);
    const tasks = issues.filter((i) => i.properties[TASK_PROPERTY] !== undefined).length;
    const story =
      stories.find((i) => i.sprintId === sprint.id && Object.keys(i.customFields).length > 0) ?? stories[0]!;
    progress(`views on the demo: ${stored.model.threats.length} threats, ${stories.length} stories, ${tasks} tasks`);
    // Audited, as the larger projects are: the Audit tab's page and its export then have a result to read.
    await runAuditJob(siteClient(site), { projectKey: 'PAY', runId: 'bench', requestedBy: '712020:alice' });
    const call = resolverCaller(site, resolver);
    const tap = new ForgeFetchTap();
    const views = await benchViews(
      {
        site,
        call,
        tap,
        gc,
        storyId: String(story.id),
        sprintId: sprint.id,
        sprintStories: stories.filter((i) => i.sprintId === sprint.id).length,
        stories: stories.length,
        tasks,
        runs: options.runs,
      },
      { threats: stored.model.threats.length, mitigations: stored.model.mitigations.length },
      progress,
    );
    return { ...views, project: 'demo' as const };
  } finally {
    await site.close();
  }
}

async function measureModel(
  size: ModelSize,
  options: ScaleOptions & { stories: number; sprintStories: number },
  progress: (message: string) => void,
  gc: () => void,
  only?: Parameters<typeof benchViews>[3],
): Promise<ViewsBench> {
  const site = await startTestSite({ demo: true, dataFile: ':memory:' });
  try {
    const started = performance.now();
    const sprint = addStories(site, size.threats, options.stories, options.sprintStories);
    const model = await seedBenchModel(
      site,
      { threats: size.threats, mitigations: 2 * size.threats, tasks: size.tasks, retiredShare: 0.02, seed: SEED },
      [sprint],
    );
    const stories = site.store.all('issue').filter(isStory).length;
    // An audit as its worker runs it, before the views: it stores the story index the Compliance
    // tab and the report read for a project past one page of stories (backlog-evidence.ts).
    if (stories > 0)
      await runAuditJob(siteClient(site), { projectKey: 'PAY', runId: 'bench', requestedBy: '712020:alice' });
    progress(
      `views at ${model.threats} threats, ${model.mitigations} mitigations, ${model.tasks} tasks, ${stories} stories ` +
        `(seeded and audited in ${round((performance.now() - started) / 1000)} s)`,
    );
    const call = resolverCaller(site, resolver);
    const tap = new ForgeFetchTap();
    const story = site.store
      .all('issue')
      .find((i) => i.sprintId === sprint.sprintId && Object.keys(i.customFields).length > 0)!;
    const views = await benchViews(
      {
        site,
        call,
        tap,
        gc,
        storyId: String(story.id),
        sprintId: sprint.sprintId,
        sprintStories: options.sprintStories,
        stories,
        tasks: model.tasks,
        runs: options.runs,
      },
      { threats: model.threats, mitigations: model.mitigations },
      progress,
      only,
    );
    return { ...views, project: 'bench' as const };
  } finally {
    await site.close();
  }
}

export async function benchScale(
  options: ScaleOptions,
  progress: (message: string) => void,
  gc: () => void,
): Promise<ScaleBench> {
  const models: ViewsBench[] = options.demo ? [await measureDemo(options, progress, gc)] : [];
  for (const size of options.models) models.push(await measureModel(size, options, progress, gc));
  // The edits' own CPU on the largest model against the small one, each on a project of its own that
  // differs from the other only in the model's size: the same few stories and tasks (an edit reads no
  // story but its own). On the views' project the 10,000 stories' heap (the site's, in this process)
  // would make every collection the app's garbage starts longer, which is not the model's doing.
  const largest = models
    .filter((m) => m.project !== 'demo')
    .reduce<ViewsBench | undefined>((a, b) => (a === undefined || b.threats > a.threats ? b : a), undefined);
  const editsAt = (threats: number) =>
    measureModel(
      { threats, tasks: Math.min(10, threats) },
      { ...options, stories: 0, sprintStories: Math.min(20, options.sprintStories) },
      progress,
      gc,
      (c) => c.edit,
    );
  const large = largest ? await editsAt(largest.threats) : undefined;
  const baseline = await editsAt(options.cpuBaseline);
  const spread = (r: ViewRow): Spread => r.appCpu ?? { median: r.appCpuMs, min: r.appCpuMs, max: r.appCpuMs, runs: 1 };
  const editCpu = baseline.rows.flatMap((small): EditCpu[] => {
    const big = large?.rows.find((r) => r.key === small.key);
    if (!large || !big) return [];
    const ratio = round(spread(big).median / Math.max(spread(small).median, 0.1), 2);
    const budget = small.key === 'threat-model/create-threat' ? 2 : null;
    return [
      {
        key: small.key,
        measure: EDIT_CPU_MEASURE,
        baseline: { threats: baseline.threats, cpuMs: spread(small), gcMs: small.appGcMs, appMs: small.appMs },
        large: { threats: large.threats, cpuMs: spread(big), gcMs: big.appGcMs, appMs: big.appMs },
        ratio,
        budget,
        withinBudget: budget === null || ratio <= budget,
      },
    ];
  });
  return {
    models,
    editCpu,
    quota: {
      source: RATE_LIMITING_PAGE,
      tier1PointsAnHour: TIER_1_POINTS_AN_HOUR,
      pagePointsBudget: PAGE_POINTS_BUDGET,
    },
  };
}

const cpuCell = (s: Spread, gcMs: number) =>
  `${s.median.toFixed(1)} ms (${s.min.toFixed(1)}-${s.max.toFixed(1)}, ${s.runs} runs; GC ${gcMs.toFixed(1)})`;

export function editCpuLines(rows: EditCpu[]): string[] {
  if (rows.length === 0) return [];
  const [first] = rows;
  return [
    '',
    `Edits' own CPU, ${first!.large.threats.toLocaleString('en-US')} threats vs ${first!.baseline.threats.toLocaleString('en-US')}: median (least-most; of the median, GC pauses)`,
    `  measured as ${first!.measure}`,
    ...rows.map(
      (r) =>
        `  ${r.key.padEnd(30)} ${cpuCell(r.large.cpuMs, r.large.gcMs).padStart(38)} vs ${cpuCell(r.baseline.cpuMs, r.baseline.gcMs).padStart(38)} = ${r.ratio.toFixed(2)}x` +
        (r.budget === null ? '' : `  budget ${r.budget}x ${r.withinBudget ? 'within' : 'OVER'}`),
    ),
  ];
}
