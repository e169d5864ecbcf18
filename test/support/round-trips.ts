import type { LoggedRequest } from '../../local/site/request-log';
import type { LocalSite } from '../../local/site/server';

/**
 * The sequential round trips of a set of logged requests: the longest chain of requests each of
 * which the site began answering only after the one before it had been answered. Requests whose
 * spans overlap ran in parallel and count once. Spans are only comparable when each request takes
 * about the same time, so measure with the site's latency on (see `measureCall`).
 */
export function roundTrips(requests: LoggedRequest[]): number {
  const spans = requests
    .map((r) => {
      if (r.startedMs === undefined || r.endedMs === undefined) throw new Error(`Request ${r.seq} has no time span.`);
      return { start: r.startedMs, end: r.endedMs };
    })
    .sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  spans.forEach((span, i) => {
    let before = 0;
    for (let j = 0; j < i; j++) if (spans[j]!.end <= span.start) before = Math.max(before, depth[j]!);
    depth.push(before + 1);
  });
  return Math.max(0, ...depth);
}

export interface CallCost {
  requests: number;
  roundTrips: number;
  /** "user GET /rest/..." (or "app …"), in the order the site answered them. */
  lines: string[];
}

/**
 * Jira requests and sequential round trips of one call. The site answers every request after
 * `latencyMs` (far longer than the app's own work between requests), so requests sent together
 * overlap and a request that waited for another's answer starts after it: the counts are
 * deterministic, the time is never asserted.
 */
export async function measureCall(site: LocalSite, run: () => Promise<unknown>, latencyMs = 60): Promise<CallCost> {
  const before = site.faults.current().latencyMs;
  site.faults.configure({ latencyMs });
  const mark = site.log.mark();
  try {
    await run();
  } finally {
    site.faults.configure({ latencyMs: before });
  }
  const requests = site.log.since(mark);
  return {
    requests: requests.length,
    roundTrips: roundTrips(requests),
    lines: requests.map((r) => `${r.principal === 'app' ? 'app' : 'user'} ${r.method} ${r.path}`),
  };
}

/**
 * The same at a large project's size: 200 ms a request, as the bench measures, far longer than the
 * app's own work between two requests there even on a busy machine (at 60 ms, CI runs under load
 * counted a 5,000-threat view's pauses as one more round trip).
 */
export const measureCallAtScale = (site: LocalSite, run: () => Promise<unknown>): Promise<CallCost> =>
  measureCall(site, run, 200);

/** A resolver's answer's data; its error, thrown, when it refused. */
export function okData<T>(answer: unknown): T {
  const envelope = answer as { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
}

type Caller = (
  who: 'alice' | 'bob',
  key: string,
  payload: unknown,
  extension: Record<string, unknown>,
) => Promise<unknown>;

type CallArgs = [who: 'alice' | 'bob', key: string, payload: unknown, extension: object];

/** The Jira cost of one resolver call that must succeed, measured at `latencyMs` a request (see measureCall). */
const costAt =
  (latencyMs: number) =>
  async (site: LocalSite, call: Caller, ...[who, key, payload, extension]: CallArgs): Promise<CallCost> => {
    let answer: unknown;
    const measured = await measureCall(
      site,
      async () => {
        answer = await call(who, key, payload, extension as Record<string, unknown>);
      },
      latencyMs,
    );
    okData(answer);
    return measured;
  };

/** The Jira cost of one resolver call that must succeed (see measureCall). */
export const callCost = costAt(60);

/** The same on a large model (see measureCallAtScale). */
export const callCostAtScale = costAt(200);
