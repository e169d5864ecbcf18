// Every view a person waits for, on the benchmark's project (the 1,000-threat, 2,000-mitigation
// model and its sprints): Jira requests and sequential round trips (from the site's request log,
// with the site answering each request after a fixed latency, so parallel requests overlap),
// wall time at 0 and at 200 ms a request, and answer bytes, each against a budget printed beside
// it; then what the live refreshes cost in Jira requests an hour for one open page.

import type { LocalSite } from '../../local/site/server';
import type { Envelope } from '../../src/domain/common/envelope';
import type { ModelSeen, ThreatModelView } from '../../src/contract';
import type { resolverCaller } from '../support/forge-invocation';
import { roundTrips } from '../support/round-trips';
import { round } from './bench-report';

/** Forge's limit on a resolver's answer; the budget is a fifth of it, what a page should carry. */
const FORGE_ANSWER_LIMIT = 5 * 1024 * 1024;
const ANSWER_BUDGET = 1024 * 1024;

export interface ViewResult {
  view: string;
  requests: number;
  requestBudget: number;
  roundTrips: number;
  roundTripBudget: number;
  answerBytes: number;
  answerBudget: number;
  /** Wall time of the call with Jira answering at once, and at 200 ms a request. */
  ms0: number;
  ms200: number;
  withinBudget: boolean;
}

export interface RefreshCost {
  page: string;
  /** What one refresh costs when nothing changed, and how often it runs. */
  requestsPerRefresh: number;
  refreshesPerHour: number;
  /** Refreshes that read the whole view anyway (deletions no search sees). */
  fullReadsPerHour: number;
  requestsPerHour: number;
}

export interface ViewsBench {
  views: ViewResult[];
  refresh: RefreshCost[];
  tasks: number;
}

interface ViewCall {
  view: string;
  who: 'alice' | 'bob';
  key: string;
  payload: () => unknown;
  extension: Record<string, unknown>;
  requestBudget: number;
  roundTripBudget: number;
}

const onProject = { type: 'jira:projectPage', project: { id: '10000', key: 'PAY' } };

async function timed(
  site: LocalSite,
  latencyMs: number,
  run: () => Promise<unknown>,
): Promise<{ ms: number; answer: unknown; requests: number; trips: number }> {
  const before = site.faults.current().latencyMs;
  site.faults.configure({ latencyMs });
  const mark = site.log.mark();
  const started = performance.now();
  try {
    const answer = await run();
    const logged = site.log.since(mark);
    return { ms: performance.now() - started, answer, requests: logged.length, trips: roundTrips(logged) };
  } finally {
    site.faults.configure({ latencyMs: before });
  }
}

export async function benchViews(
  site: LocalSite,
  call: ReturnType<typeof resolverCaller>,
  story: { id: string },
  tasks: number,
  progress: (message: string) => void,
): Promise<ViewsBench> {
  const onStory = { type: 'jira:issuePanel', issue: { id: story.id }, project: { id: '10000', key: 'PAY' } };
  const get = async <T>(who: 'alice' | 'bob', key: string, payload: unknown, extension: object): Promise<T> => {
    const answer = (await call(who, key, payload, extension as Record<string, unknown>)) as Envelope<T>;
    if (!answer.ok) throw new Error(`${key} failed: ${answer.error.message}`);
    return answer.data;
  };
  // The threat model tab comes first: its answer gives the revision the refresh asks about.
  const model = await get<ThreatModelView>('bob', 'threat-model/get', {}, onProject);
  const seen: ModelSeen = model.seen;
  const calls: ViewCall[] = [
    // Budgets: requests and round trips as the resolver tests assert them on the demo, with the
    // searches' extra pages at this size (100 issues a page).
    {
      view: 'story/get (story panel)',
      who: 'bob',
      key: 'story/get',
      payload: () => ({}),
      extension: onStory,
      requestBudget: 5,
      roundTripBudget: 3,
    },
    {
      view: 'threat-model/changes (tab refresh)',
      who: 'bob',
      key: 'threat-model/changes',
      payload: () => seen,
      extension: onProject,
      requestBudget: 2,
      roundTripBudget: 1,
    },
    {
      view: 'audit/progress (audit poll)',
      who: 'bob',
      key: 'audit/progress',
      payload: () => ({}),
      extension: onProject,
      requestBudget: 2,
      roundTripBudget: 1,
    },
    {
      view: 'audit/get',
      who: 'bob',
      key: 'audit/get',
      payload: () => ({}),
      extension: onProject,
      requestBudget: 4,
      roundTripBudget: 2,
    },
    {
      view: 'settings/get',
      who: 'alice',
      key: 'settings/get',
      payload: () => ({}),
      extension: { type: 'jira:projectAdminPage', project: { id: '10000', key: 'PAY' } },
      requestBudget: 6,
      roundTripBudget: 1,
    },
  ];
  const views: ViewResult[] = [];
  const tabPages = Math.ceil(tasks / 100);
  // Stories linking the first page's threats, counted once per threat: an upper bound of the stories read.
  const firstPage = await get<{ counts: Record<string, number> }>(
    'bob',
    'threat-model/story-counts',
    { threatIds: model.threats.slice(0, 50).map((t) => t.id) },
    onProject,
  );
  const pageStories = Object.values(firstPage.counts).reduce((sum, n) => sum + n, 0);
  const all: ViewCall[] = [
    {
      view: 'threat-model/get (Threat model tab)',
      who: 'bob',
      key: 'threat-model/get',
      payload: () => ({}),
      extension: onProject,
      // The model (1), permissions, history, knowledge bases, the editors' role, and the pages of
      // the project's tasks (stories are counted per page of threats: threat-model/story-counts).
      requestBudget: 6 + tabPages,
      roundTripBudget: 3 + tabPages,
    },
    {
      view: 'threat-model/story-counts (a page of 50)',
      who: 'bob',
      key: 'threat-model/story-counts',
      payload: () => ({ threatIds: model.threats.slice(0, 50).map((t) => t.id) }),
      extension: onProject,
      // The field (cached) and the pages of the stories that link those 50 threats.
      requestBudget: 1 + Math.ceil(pageStories / 100),
      roundTripBudget: 1 + Math.ceil(pageStories / 100),
    },
    ...calls,
  ];
  for (const c of all) {
    progress(`measuring ${c.view}`);
    const run = () => get(c.who, c.key, c.payload(), c.extension);
    await run(); // warm: the field cache, the JIT
    const cold = await timed(site, 0, run);
    const slow = await timed(site, 200, run);
    const answerBytes = Buffer.byteLength(JSON.stringify({ ok: true, data: cold.answer }));
    views.push({
      view: c.view,
      requests: slow.requests,
      requestBudget: c.requestBudget,
      roundTrips: slow.trips,
      roundTripBudget: c.roundTripBudget,
      answerBytes,
      answerBudget: ANSWER_BUDGET,
      ms0: round(cold.ms),
      ms200: round(slow.ms),
      withinBudget: slow.requests <= c.requestBudget && slow.trips <= c.roundTripBudget && answerBytes <= ANSWER_BUDGET,
    });
  }
  const byView = (prefix: string) => views.find((v) => v.view.startsWith(prefix))!;
  const panel = byView('story/get');
  const changes = byView('threat-model/changes');
  const tab = byView('threat-model/get');
  const refresh: RefreshCost[] = [
    {
      page: 'story panel (every 15 s)',
      requestsPerRefresh: panel.requests,
      refreshesPerHour: 240,
      fullReadsPerHour: 240,
      requestsPerHour: 240 * panel.requests,
    },
    {
      page: 'Threat model tab (every 30 s; a full read every 10th)',
      requestsPerRefresh: changes.requests,
      refreshesPerHour: 120,
      fullReadsPerHour: 12,
      requestsPerHour: 108 * changes.requests + 12 * tab.requests,
    },
  ];
  return { views, refresh, tasks };
}

export function viewsLines(bench: ViewsBench): string[] {
  const kb = (bytes: number) => `${round(bytes / 1024)} KB`;
  const lines = [
    '',
    `Views (1,000-threat model, ${bench.tasks} tasks): requests / budget, round trips / budget, answer / budget, ms at 0 and 200 ms a request`,
  ];
  for (const v of bench.views) {
    lines.push(
      `  ${v.view.padEnd(38)} ${String(v.requests).padStart(3)} / ${String(v.requestBudget).padEnd(3)} ` +
        `${String(v.roundTrips).padStart(2)} / ${String(v.roundTripBudget).padEnd(3)} ` +
        `${kb(v.answerBytes).padStart(10)} / ${kb(v.answerBudget)}  ${String(v.ms0).padStart(7)} ms  ${String(v.ms200).padStart(7)} ms  ${v.withinBudget ? 'within' : 'OVER'}`,
    );
  }
  lines.push(
    `  (Forge refuses answers over ${kb(FORGE_ANSWER_LIMIT)}.)`,
    '',
    'Live refreshes, one page open, nothing changing:',
  );
  for (const r of bench.refresh)
    lines.push(
      `  ${r.page}: ${r.requestsPerRefresh} requests a refresh, ${r.refreshesPerHour} refreshes an hour -> ${r.requestsPerHour} Jira requests an hour`,
    );
  return lines;
}
