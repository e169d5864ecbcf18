// Every resolver a view calls, on one benchmark project: Jira requests and sequential round trips
// (from the site's request log, with the site answering each request after 200 ms, so parallel
// requests overlap), wall time at 0 and at 200 ms a request, the app's own time (the wall time at
// 0 ms minus the time a Jira request was in flight) and own CPU (app-cpu.ts: the process's CPU while
// no Jira request was in flight; an edit's over several runs), answer bytes and peak heap, each against a
// budget printed beside it; then what the live refreshes cost in Jira requests and points an hour
// for one open page.

import type { LocalSite } from '../../local/site/server';
import type { Envelope } from '../../src/domain/common/envelope';
import { RESOLVER_CONTRACT, type ModelSeen, type StoryView } from '../../src/contract';
import { readThreatModel } from '../../src/jira/threat-model/threat-model-repository';
import type { resolverCaller } from '../support/forge-invocation';
import { siteClient } from '../support/jira-clients';
import { roundTrips } from '../support/round-trips';
import { cardInTransit } from '../support/threat-edits';
import { measureAppCpu, spreadOf, type Spread } from './app-cpu';
import { round } from './bench-report';
import type { ForgeFetchTap } from './forge-replay';
import { PAGE_POINTS_BUDGET, PANEL_CHANGE_EVERY_MINUTES, pointsOf, TIER_1_POINTS_AN_HOUR } from './quota';

/** Forge's limit on a resolver's answer; a view's budget is a fifth of it, what a page should carry. */
export const FORGE_ANSWER_LIMIT = 5 * 1024 * 1024;
const VIEW_ANSWER_BUDGET = 1024 * 1024;
/** Our budget for the heap one call may take (the site's in-process work included): a quarter of the audit's 512 MB. */
const HEAP_BUDGET_MB = 128;
const SLOW_MS = 200;
const MB = 1024 * 1024;

export interface ViewRow {
  group: string;
  view: string;
  key: string;
  requests: number;
  requestBudget: number;
  roundTrips: number;
  roundTripBudget: number;
  answerBytes: number;
  answerBudget: number;
  /** Peak heap above a post-GC baseline during the call at 0 ms (the in-process site's work included). */
  peakHeapMb: number;
  heapBudgetMb: number;
  /** Wall time with Jira answering at once, and at 200 ms a request. */
  ms0: number;
  ms200: number;
  /** The app's own time at 0 ms: wall time minus the time a Jira request was in flight (median of the runs). */
  appMs: number;
  /**
   * The app's own CPU at 0 ms (app-cpu.ts, AppCpu.ownMs: the smaller of the process's CPU and the
   * wall time while no Jira request was in flight), median of the runs; for an edit also its least
   * and most over EDIT_RUNS runs.
   */
  appCpuMs: number;
  appCpu?: Spread;
  /** Of appCpuMs, the main thread's GC pauses (median of the runs; see AppCpu.gcMs). */
  appGcMs: number;
  /** Estimated Jira points of one call (see quota.ts). */
  points: number;
  withinBudget: boolean;
  /** Which budgets it is over, if any. */
  over: string[];
}

export interface RefreshCost {
  page: string;
  tasks: number;
  /** What one refresh costs when nothing changed, and how often it runs. */
  requestsPerRefresh: number;
  refreshesPerHour: number;
  /** Full reads of the view an hour besides the refreshes (the story panel's, after each change assumed). */
  fullReadsPerHour: number;
  requestsPerHour: number;
  pointsPerHour: number;
  /** Share of the default (Tier 1) quota, in percent. */
  quotaPercent: number;
  pointsBudget: number;
  withinBudget: boolean;
}

export interface ViewsBench {
  /** The demo project as `npm start` seeds it, or a generated benchmark project. */
  project?: 'demo' | 'bench';
  threats: number;
  mitigations: number;
  stories: number;
  sprintStories: number;
  tasks: number;
  rows: ViewRow[];
  refresh: RefreshCost[];
}

interface ViewCall {
  group: string;
  view: string;
  who: 'alice' | 'bob';
  key: string;
  /** Built before each call, outside what is measured (an edit needs the revision it starts from). */
  payload: () => Promise<unknown>;
  extension: Record<string, unknown>;
  requestBudget: number;
  roundTripBudget: number;
  answerBudget?: number;
  /** Edits are timed several times for the app's own time (see EDIT_RUNS); views once. */
  edit?: boolean;
  /** At most this many timed runs (an edit that uses up something the project has few of). */
  maxRuns?: number;
}

export interface ViewsProject {
  site: LocalSite;
  call: ReturnType<typeof resolverCaller>;
  tap: ForgeFetchTap;
  gc: () => void;
  /** A story with clauses in the benchmark sprint (its panel), and that sprint. */
  storyId: string;
  sprintId: number;
  sprintStories: number;
  stories: number;
  tasks: number;
  runs: number;
}

/**
 * Timed runs of an edit at least: its own CPU is 5-20 ms, and the median of five runs moved by a
 * tenth or more from one bench to the next on a shared machine, which the ratio of two doubles.
 */
const EDIT_RUNS = 21;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const pages = (n: number) => Math.ceil(n / 100);
const hasKey = (key: string) => key in RESOLVER_CONTRACT;

/** One call at 0 ms: wall time, app time, requests with their objects, peak heap, the answer. */
async function measureFast(p: ViewsProject, run: () => Promise<unknown>) {
  const { site, tap, gc } = p;
  site.faults.configure({ latencyMs: 0 });
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  tap.reset('timed');
  tap.onAnswer = sample;
  const timer = setInterval(sample, 1);
  try {
    const { answer, ownMs, gcMs, wallMs: ms } = await measureAppCpu(run);
    sample();
    return {
      answer,
      ms,
      appMs: ms - tap.jiraMs,
      appCpuMs: ownMs,
      appGcMs: gcMs,
      points: pointsOf(tap.seen),
      peakMb: (peak - baseline) / MB,
    };
  } finally {
    clearInterval(timer);
    tap.onAnswer = () => undefined;
    tap.reset('live');
  }
}

/** One call at 200 ms a request: requests and round trips from the site's log, wall time. */
async function measureSlow(site: LocalSite, run: () => Promise<unknown>) {
  site.faults.configure({ latencyMs: SLOW_MS });
  const mark = site.log.mark();
  const started = performance.now();
  try {
    await run();
    const ms = performance.now() - started;
    const logged = site.log.since(mark);
    return { ms, requests: logged.length, trips: roundTrips(logged) };
  } finally {
    site.faults.configure({ latencyMs: 0 });
  }
}

export async function benchViews(
  p: ViewsProject,
  sizes: { threats: number; mitigations: number },
  progress: (message: string) => void,
  only?: (call: { key: string; edit: boolean }) => boolean,
): Promise<ViewsBench> {
  const { site, call } = p;
  const project = { id: '10000', key: 'PAY' };
  const onProject = { type: 'jira:projectPage', project };
  const onStory = { type: 'jira:issuePanel', issue: { id: p.storyId }, project };
  const onSprint = { type: 'jira:sprintAction', sprint: { id: p.sprintId }, board: { id: 1 }, project };
  const onSettings = { type: 'jira:projectAdminPage', project };
  const get = async <T>(who: 'alice' | 'bob', key: string, payload: unknown, extension: object): Promise<T> => {
    const answer = (await call(who, key, payload, extension as Record<string, unknown>)) as Envelope<T>;
    if (!answer.ok) throw new Error(`${key} failed: ${answer.error.message}`);
    return answer.data;
  };
  // What the calls need to know, read straight from the site (outside anything measured).
  const stored = async () => (await readThreatModel(siteClient(site), 'PAY')).model;
  const model = await stored();
  const pageIds = model.threats.slice(0, 50).map((t) => t.id);
  const seen = (await get<{ seen: ModelSeen }>('bob', 'threat-model/get', {}, onProject)).seen;
  const firstPage = await get<{ counts: Record<string, number> }>(
    'bob',
    'threat-model/story-counts',
    { threatIds: pageIds },
    onProject,
  );
  // Stories linking the page's threats, counted once per threat: an upper bound of the stories read.
  const pageStories = Object.values(firstPage.counts).reduce((sum, n) => sum + n, 0);
  const taskPages = pages(p.tasks);

  let edits = 0;
  const story = async (id: string) => get<StoryView>('bob', 'story/get', {}, { ...onStory, issue: { id } });
  const panelStory = await story(p.storyId);
  // The panel's check is asked about the view as the panel has it now (an edit may have moved it).
  const panelSeen = async () => (await story(p.storyId)).seen;
  const kbStoryId = panelStory.clauses.length > 0 ? p.storyId : '10000';
  const suggestionsTaken = new Set<string>();
  const nextSuggestion = async () => {
    const view = await get<{ suggestions: Array<{ knowledgeBaseId: string; templateId: string }> }>(
      'bob',
      'knowledge-base/suggest',
      { mode: 'full' },
      { ...onStory, issue: { id: kbStoryId } },
    );
    const next = view.suggestions.find((s) => !suggestionsTaken.has(`${s.knowledgeBaseId}/${s.templateId}`));
    if (!next) throw new Error('knowledge-base/accept: the story has no suggestion left to accept.');
    suggestionsTaken.add(`${next.knowledgeBaseId}/${next.templateId}`);
    return next;
  };

  const reads: ViewCall[] = [
    // Budgets. Round trips: the issue's rule, a view at most 3 one after another plus its search pages
    // (100 issues a page), tighter where a resolver test asserts less (request-budgets.test.ts,
    // threat-model-changes.test.ts). Requests: what those tests assert on the demo, else what the
    // read needs (the model, the permissions, a role or the statuses), plus the pages of the tasks it
    // shows; no view reads every story of the project (README, "Performance"), so story pages count
    // only where the view shows those stories (a sprint's, the page of threats' counts).
    {
      group: 'Story panel',
      view: 'story/get',
      who: 'bob',
      key: 'story/get',
      payload: async () => ({}),
      extension: onStory,
      requestBudget: 5,
      roundTripBudget: 3,
    },
    {
      group: 'Story panel',
      view: 'story/changes (refresh)',
      who: 'bob',
      key: 'story/changes',
      payload: panelSeen,
      extension: onStory,
      // The model's meta, and the story with the tasks its view shows in one bulk fetch, side by side.
      requestBudget: 2,
      roundTripBudget: 1,
    },
    {
      group: 'Story panel',
      view: 'knowledge-base/suggest',
      who: 'bob',
      key: 'knowledge-base/suggest',
      payload: async () => ({}),
      extension: onStory,
      requestBudget: 5,
      roundTripBudget: 3,
    },
    {
      group: 'Threat model tab',
      view: 'threat-model/get',
      who: 'bob',
      key: 'threat-model/get',
      payload: async () => ({}),
      extension: onProject,
      // The model, permissions, history, knowledge bases, the editors' role; the project's tasks' pages.
      requestBudget: 6 + taskPages,
      roundTripBudget: 3 + taskPages,
    },
    ...(hasKey('threat-model/threats')
      ? [
          {
            group: 'Threat model tab',
            view: 'threat-model/threats (a page of 50)',
            who: 'bob' as const,
            key: 'threat-model/threats',
            payload: async () => ({ ids: pageIds }),
            extension: onProject,
            requestBudget: 2,
            roundTripBudget: 2,
          },
        ]
      : []),
    {
      group: 'Threat model tab',
      view: 'threat-model/story-counts (a page of 50)',
      who: 'bob',
      key: 'threat-model/story-counts',
      payload: async () => ({ threatIds: pageIds }),
      extension: onProject,
      requestBudget: 1 + pages(pageStories),
      roundTripBudget: 1 + pages(pageStories),
    },
    {
      group: 'Threat model tab',
      view: 'threat-model/threat-details',
      who: 'bob',
      key: 'threat-model/threat-details',
      payload: async () => ({ id: pageIds[0] }),
      extension: onProject,
      requestBudget: 2,
      roundTripBudget: 2,
    },
    {
      group: 'Threat model tab',
      view: 'threat-model/changes (refresh)',
      who: 'bob',
      key: 'threat-model/changes',
      payload: async () => seen,
      extension: onProject,
      // The meta (with the audit status), one search for an updated issue, one count (deletions).
      requestBudget: 3,
      roundTripBudget: 1,
    },
    {
      group: 'Threat model tab',
      view: 'people/names',
      who: 'bob',
      key: 'people/names',
      payload: async () => ({ accountIds: ['712020:alice', '712020:bob'] }),
      extension: onProject,
      requestBudget: 1,
      roundTripBudget: 1,
    },
    {
      group: 'Sprint',
      view: 'sprint/list',
      who: 'bob',
      key: 'sprint/list',
      payload: async () => ({}),
      extension: onSprint,
      requestBudget: 3,
      roundTripBudget: 3,
    },
    {
      group: 'Sprint',
      view: `sprint/get (${p.sprintStories.toLocaleString('en-US')} stories)`,
      who: 'bob',
      key: 'sprint/get',
      payload: async () => ({}),
      extension: onSprint,
      // The sprint's stories and its own tasks come in the same search pages (request-budgets);
      // one more: the editors' role, read for bob when a gap offers "Add a mitigation".
      requestBudget: pages(p.sprintStories) + 5,
      roundTripBudget: 3 + pages(p.sprintStories),
    },
    {
      group: 'Audit tab',
      view: 'audit/get',
      who: 'bob',
      key: 'audit/get',
      payload: async () => ({}),
      extension: onProject,
      requestBudget: 4,
      roundTripBudget: 2,
    },
    {
      group: 'Audit tab',
      view: 'audit/progress (poll)',
      who: 'bob',
      key: 'audit/progress',
      payload: async () => ({}),
      extension: onProject,
      requestBudget: 2,
      roundTripBudget: 1,
    },
    {
      group: 'Audit tab',
      view: 'audit/find-threats (picker)',
      who: 'bob',
      key: 'audit/find-threats',
      payload: async () => ({ query: '' }),
      extension: onProject,
      // The model and the browse check, side by side.
      requestBudget: 2,
      roundTripBudget: 1,
    },
    {
      group: 'Downloads',
      view: 'audit/export (CSV, first part)',
      who: 'bob',
      key: 'audit/export',
      payload: async () => ({ format: 'csv' }),
      extension: onProject,
      // The status and suppressions, then the result, beside the browse check; a part under 1 MB.
      requestBudget: 3,
      roundTripBudget: 2,
    },
    {
      group: 'Other tabs',
      view: 'monitoring/get',
      who: 'bob',
      key: 'monitoring/get',
      payload: async () => ({}),
      extension: onProject,
      requestBudget: 4 + taskPages,
      roundTripBudget: 3 + taskPages,
    },
    {
      group: 'Other tabs',
      view: 'verification/get',
      who: 'bob',
      key: 'verification/get',
      payload: async () => ({}),
      extension: onProject,
      requestBudget: 4 + taskPages,
      roundTripBudget: 3 + taskPages,
    },
    {
      group: 'Other tabs',
      view: 'compliance/get',
      who: 'bob',
      key: 'compliance/get',
      payload: async () => ({}),
      extension: onProject,
      // The model (with the audit's status), permissions, issue types; a page of stories and the
      // tasks the model records (by id, side by side); past that page, the last audit's story index.
      requestBudget: 5 + taskPages,
      roundTripBudget: 3,
    },
    {
      group: 'Other tabs',
      view: 'interchange/access',
      who: 'bob',
      key: 'interchange/access',
      payload: async () => ({}),
      extension: onProject,
      requestBudget: 3,
      roundTripBudget: 3,
    },
    {
      group: 'Settings',
      view: 'settings/get',
      who: 'alice',
      key: 'settings/get',
      payload: async () => ({}),
      extension: onSettings,
      requestBudget: 6,
      roundTripBudget: 1,
    },
    // Files a person downloads: held to Forge's answer limit, not a page's.
    {
      group: 'Downloads',
      view: 'report/get (HTML, first part)',
      who: 'bob',
      key: 'report/get',
      payload: async () => ({ format: 'html' }),
      extension: onProject,
      // As compliance/get, and the project's name, the audit's result, the risk history and the
      // names of who accepted risks. A large report comes in parts, each an answer under 1 MB.
      requestBudget: 9 + taskPages,
      roundTripBudget: 3,
    },
    {
      group: 'Downloads',
      view: 'monitoring/export (JSON)',
      who: 'bob',
      key: 'monitoring/export',
      payload: async () => ({ format: 'json' }),
      extension: onProject,
      requestBudget: 4 + taskPages,
      roundTripBudget: 3 + taskPages,
      answerBudget: FORGE_ANSWER_LIMIT,
    },
    {
      group: 'Downloads',
      view: 'interchange/export (OTM, first part)',
      who: 'bob',
      key: 'interchange/export',
      payload: async () => ({ format: 'otm' }),
      extension: onProject,
      // The model, then the stories of the part's threats (at most 50, like a page of the tab's);
      // the file comes in parts, each an answer under 1 MB.
      requestBudget: 3 + pages(pageStories),
      roundTripBudget: 3 + pages(pageStories),
    },
  ];
  // Edits: what issue 20's work reached (its targets: edits at most 4 round trips, story/save-clauses 7
  // requests, knowledge-base/accept 9): knowledge-base/accept creates its two locks in one round trip
  // (4), and its answer reads the story's tasks, one request more than on the demo (10).
  const editCalls: ViewCall[] = [
    {
      group: 'Edits',
      view: 'threat-model/create-threat',
      who: 'bob',
      key: 'threat-model/create-threat',
      payload: async () => ({ draft: { ...cardInTransit, title: `${cardInTransit.title} (bench ${++edits})` } }),
      extension: onProject,
      requestBudget: 6,
      roundTripBudget: 4,
      edit: true,
    },
    {
      group: 'Edits',
      view: 'threat-model/update-threat',
      who: 'bob',
      key: 'threat-model/update-threat',
      payload: async () => {
        const t = (await stored()).threats.find((x) => x.id === pageIds[1])!;
        const { description, stride, probability, impact, component } = t;
        return {
          id: t.id,
          baseRevision: t.revision,
          draft: {
            title: `${t.title.replace(/ \(edit \d+\)$/, '')} (edit ${++edits})`,
            description,
            stride,
            probability,
            impact,
            component,
          },
        };
      },
      extension: onProject,
      requestBudget: 7,
      roundTripBudget: 4,
      edit: true,
    },
    {
      group: 'Edits',
      view: 'mitigation/add',
      who: 'bob',
      key: 'mitigation/add',
      payload: async () => ({
        draft: {
          title: `Enforce TLS 1.2+ with HSTS (bench ${++edits})`,
          implementation: 'Terminate TLS 1.2+ only; send HSTS with a one-year max-age.',
          verification: 'An SSL Labs scan grades A; HTTP redirects to HTTPS.',
          controlType: 'preventive',
          addresses: [{ threatId: pageIds[2], strength: 75 }],
        },
      }),
      extension: onProject,
      requestBudget: 6,
      roundTripBudget: 4,
      edit: true,
    },
    {
      group: 'Edits',
      view: 'story/save-clauses',
      who: 'bob',
      key: 'story/save-clauses',
      payload: async () => {
        const before = await story(p.storyId);
        const n = ++edits;
        const clauses =
          before.clauses.length > 0
            ? before.clauses.map((c, i) => (i === 0 ? { ...c, text: `someone reading my receipts (${n})` } : c))
            : [{ id: 'c-bench', text: `someone reading my receipts (${n})`, threatIds: [pageIds[0]] }];
        return { baseRevision: before.revision, clauses, directThreatIds: before.directThreatIds };
      },
      extension: onStory,
      requestBudget: 7,
      roundTripBudget: 3,
      edit: true,
    },
    {
      group: 'Edits',
      view: 'knowledge-base/accept',
      who: 'bob',
      key: 'knowledge-base/accept',
      payload: async () => {
        const { knowledgeBaseId, templateId } = await nextSuggestion();
        return { knowledgeBaseId, templateId, baseRevision: (await story(kbStoryId)).revision };
      },
      extension: { ...onStory, issue: { id: kbStoryId } },
      requestBudget: 9,
      roundTripBudget: 4,
      edit: true,
      // Each run accepts another of the story's suggestions, of which it has a few.
      maxRuns: p.runs,
    },
  ];

  const rows: ViewRow[] = [];
  const chosen = [...reads, ...editCalls].filter((c) => only?.({ key: c.key, edit: c.edit === true }) ?? true);
  for (const c of chosen) {
    progress(`  ${c.view}`);
    try {
      rows.push(await measureCall(p, c, call));
    } catch (error) {
      // A call that cannot be measured (its payload could not be built) is a row over budget, not a failed run.
      rows.push(failedRow(c, error instanceof Error ? error.message : String(error)));
    }
  }
  const missing = Object.keys(RESOLVER_CONTRACT).filter((k) => !rows.some((r) => r.key === k));
  if (missing.length > 0 && !only)
    progress(`  not measured (edits of other kinds, uploads, imports): ${missing.join(', ')}`);
  return {
    ...sizes,
    stories: p.stories,
    sprintStories: p.sprintStories,
    tasks: p.tasks,
    rows,
    refresh: refreshCosts(rows, p.tasks),
  };
}

/** Warm once, then once at 0 ms (at least EDIT_RUNS times for an edit) and once at 200 ms a request. */
async function measureCall(p: ViewsProject, c: ViewCall, call: ViewsProject['call']): Promise<ViewRow> {
  const once = async () => {
    const payload = await c.payload();
    return () => call(c.who, c.key, payload, c.extension) as Promise<Envelope<unknown>>;
  };
  await (
    await once()
  )(); // warm: the field cache, the JIT
  const fast = await measureFast(p, await once());
  const appTimes = [fast.appMs];
  const cpuTimes = [fast.appCpuMs];
  const gcTimes = [fast.appGcMs];
  const runs = c.edit ? Math.min(Math.max(p.runs, EDIT_RUNS), c.maxRuns ?? Infinity) : 1;
  for (let r = 1; r < runs; r++) {
    const again = await measureFast(p, await once());
    appTimes.push(again.appMs);
    cpuTimes.push(again.appCpuMs);
    gcTimes.push(again.appGcMs);
  }
  const cpu = spreadOf(cpuTimes);
  const slow = await measureSlow(p.site, await once());
  const envelope = fast.answer as Envelope<unknown>;
  const answerBytes = Buffer.byteLength(JSON.stringify(envelope));
  const answerBudget = c.answerBudget ?? VIEW_ANSWER_BUDGET;
  const over = [
    envelope.ok ? '' : `refused: ${envelope.error.message}`,
    slow.requests > c.requestBudget ? 'requests' : '',
    slow.trips > c.roundTripBudget ? 'round trips' : '',
    answerBytes > answerBudget ? 'answer' : '',
    fast.peakMb > HEAP_BUDGET_MB ? 'heap' : '',
  ].filter(Boolean);
  return {
    group: c.group,
    view: c.view,
    key: c.key,
    requests: slow.requests,
    requestBudget: c.requestBudget,
    roundTrips: slow.trips,
    roundTripBudget: c.roundTripBudget,
    answerBytes,
    answerBudget,
    peakHeapMb: round(fast.peakMb),
    heapBudgetMb: HEAP_BUDGET_MB,
    ms0: round(fast.ms),
    ms200: round(slow.ms),
    appMs: round(median(appTimes)),
    appCpuMs: round(cpu.median, 2),
    appGcMs: round(median(gcTimes), 2),
    ...(c.edit
      ? { appCpu: { median: round(cpu.median, 2), min: round(cpu.min, 2), max: round(cpu.max, 2), runs } }
      : {}),
    points: fast.points,
    withinBudget: over.length === 0,
    over,
  };
}

function failedRow(c: ViewCall, message: string): ViewRow {
  return {
    group: c.group,
    view: c.view,
    key: c.key,
    requests: 0,
    requestBudget: c.requestBudget,
    roundTrips: 0,
    roundTripBudget: c.roundTripBudget,
    answerBytes: 0,
    answerBudget: c.answerBudget ?? VIEW_ANSWER_BUDGET,
    peakHeapMb: 0,
    heapBudgetMb: HEAP_BUDGET_MB,
    ms0: 0,
    ms200: 0,
    appMs: 0,
    appCpuMs: 0,
    appGcMs: 0,
    points: 0,
    withinBudget: false,
    over: [`not measured: ${message}`],
  };
}

/**
 * The live refreshes of one open page (static/ui/src/common/use-live-refresh.ts), in requests and
 * points an hour: the story panel asks story/changes every 15 s and reads the story only when it
 * says yes (static/ui/src/story/use-story-changes.ts), counted as one change every
 * PANEL_CHANGE_EVERY_MINUTES; the Threat model tab (threat-model-tab.tsx, use-threat-model.ts)
 * asks threat-model/changes every 30 s and reads the model only when it says yes, which it does
 * not while nothing changes (the check counts deletions too).
 */
function refreshCosts(rows: ViewRow[], tasks: number): RefreshCost[] {
  const row = (key: string) => rows.find((r) => r.key === key);
  const cost = (keys: string[]) => {
    const found = keys.map(row).filter((r): r is ViewRow => r !== undefined);
    return { requests: found.reduce((s, r) => s + r.requests, 0), points: found.reduce((s, r) => s + r.points, 0) };
  };
  const panel = cost(['story/get']);
  const panelCheck = cost(['story/changes']);
  const changes = cost(['threat-model/changes']);
  const panelFullReads = 60 / PANEL_CHANGE_EVERY_MINUTES;
  const entry = (
    page: string,
    requestsPerRefresh: number,
    refreshesPerHour: number,
    fullReadsPerHour: number,
    requestsPerHour: number,
    pointsPerHour: number,
  ): RefreshCost => ({
    page,
    tasks,
    requestsPerRefresh,
    refreshesPerHour,
    fullReadsPerHour,
    requestsPerHour,
    pointsPerHour,
    quotaPercent: round((100 * pointsPerHour) / TIER_1_POINTS_AN_HOUR, 2),
    pointsBudget: PAGE_POINTS_BUDGET,
    withinBudget: pointsPerHour <= PAGE_POINTS_BUDGET,
  });
  return [
    entry(
      `story panel (story/changes every 15 s; story/get after a change, assumed every ${PANEL_CHANGE_EVERY_MINUTES} min)`,
      panelCheck.requests,
      240,
      panelFullReads,
      240 * panelCheck.requests + panelFullReads * panel.requests,
      240 * panelCheck.points + panelFullReads * panel.points,
    ),
    entry(
      'Threat model tab (every 30 s; a full read only after a change)',
      changes.requests,
      120,
      0,
      120 * changes.requests,
      120 * changes.points,
    ),
  ];
}

const kb = (bytes: number) => `${round(bytes / 1024)} KB`;

export function viewsLines(bench: ViewsBench): string[] {
  const lines = [
    '',
    `Views and edits${bench.project === 'demo' ? ' on the demo project' : ''}: ${bench.threats.toLocaleString('en-US')} threats, ${bench.mitigations.toLocaleString('en-US')} mitigations, ` +
      `${bench.stories.toLocaleString('en-US')} stories (a sprint of ${bench.sprintStories.toLocaleString('en-US')}), ${bench.tasks.toLocaleString('en-US')} tasks`,
    `  ${'call'.padEnd(42)} ${'requests'.padStart(8)} ${'trips'.padStart(7)} ${'answer'.padStart(21)} ${'heap MB'.padStart(9)}  ${'0 ms'.padStart(9)} ${'200 ms'.padStart(9)} ${'app ms'.padStart(7)} ${'app CPU'.padStart(8)} ${'points'.padStart(6)}`,
  ];
  let group = '';
  for (const v of bench.rows) {
    if (v.group !== group) lines.push(`  ${(group = v.group)}`);
    lines.push(
      `    ${v.view.padEnd(40)} ${`${v.requests}/${v.requestBudget}`.padStart(8)} ${`${v.roundTrips}/${v.roundTripBudget}`.padStart(7)} ` +
        `${`${kb(v.answerBytes)}/${kb(v.answerBudget)}`.padStart(21)} ${`${v.peakHeapMb}/${v.heapBudgetMb}`.padStart(9)}  ` +
        `${String(v.ms0).padStart(9)} ${String(v.ms200).padStart(9)} ${String(v.appMs).padStart(7)} ${String(v.appCpuMs).padStart(8)} ${String(v.points).padStart(6)}  ` +
        (v.withinBudget ? 'within' : `OVER (${v.over.join(', ')})`),
    );
  }
  lines.push('  Live refreshes, one page open:');
  for (const r of bench.refresh)
    lines.push(
      `    ${r.page}, ${r.tasks.toLocaleString('en-US')} tasks: ${r.requestsPerRefresh} requests a refresh, ${r.refreshesPerHour} refreshes an hour` +
        (r.fullReadsPerHour > 0 ? ` and ${r.fullReadsPerHour} full reads -> ` : ' -> ') +
        `${r.requestsPerHour.toLocaleString('en-US')} Jira requests, about ${r.pointsPerHour.toLocaleString('en-US')} points an hour ` +
        `(${r.quotaPercent}% of the default quota; budget ${r.pointsBudget.toLocaleString('en-US')}) ${r.withinBudget ? 'within' : 'OVER'}`,
    );
  return lines;
}
