// The app's own CPU in one resolver call, for the edits' "CPU proportional to the edit" check.
//
// The local site runs in this process, so the CPU this process spends during a call is the app's
// and the site's together, and wall time also counts the time it waited for a core (two cores
// shared with other test runs made the edits' wall times vary by 2x from run to run). So CPU is
// counted only while no Jira request is in flight: the site works only inside a request (from the
// app's send until its answer's body has been read), and the app only outside them, except when it
// handles one answer while another is still in flight (those moments fall to Jira). Time spent
// waiting for a core is not CPU time, so a busy machine slows the call without raising the figure.
//
// The CPU counted is the whole process's (process.cpuUsage: user + system, microseconds), so V8's
// helper threads (concurrent marking, the optimizing compiler) count when they run in the app's
// moments: on a 100-threat edit that moved the median by a third from one bench to the next. The
// main thread's alone would leave them out, but Linux tells it only to a scheduler tick
// (/proc/thread-self/schedstat moves in steps of up to 4 ms), too coarse for an edit of a few ms.
// So the figure is the smaller of two upper bounds of the main thread's CPU in the app's moments:
// the process's CPU in them (helper threads included) and their wall time (waits for a core
// included); on a quiet machine the second, under load the first.

import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

type ForgeFetch = (target: unknown, path: string, init?: RequestInit) => Promise<Response>;

export interface AppCpu<T> {
  answer: T;
  /** The process's CPU (user + system) while no Jira request was in flight, in ms. */
  cpuMs: number;
  /** Wall time of those moments, in ms. */
  momentsMs: number;
  /** The app's own time: the smaller of cpuMs and momentsMs (see above). */
  ownMs: number;
  /**
   * Garbage collection pauses of the main thread that began in those moments (wall ms): part of
   * cpuMs. The site's heap is in this process too, so a full collection the app's garbage starts
   * also marks the site's objects: on the large model that makes these pauses longer than the
   * app's own heap would.
   */
  gcMs: number;
  wallMs: number;
}

const cpuMsNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Runs `run` with the Forge fetch global wrapped (outermost, around the bench's tap), counting CPU
 * while none of the call's requests is in flight.
 */
export async function measureAppCpu<T>(run: () => Promise<T>): Promise<AppCpu<T>> {
  const g = globalThis as { __forge_fetch__?: ForgeFetch };
  const inner = g.__forge_fetch__;
  if (!inner) throw new Error('installForgeRuntime (resolverCaller) must run before the app CPU is measured.');
  const gcs: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => gcs.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  /** The app's moments, in performance.now() time: [from, to]. */
  const moments: Array<[number, number]> = [];
  let inFlight = 0;
  let cpuMs = 0;
  let since = cpuMsNow();
  let from = performance.now();
  const endMoment = () => {
    cpuMs += cpuMsNow() - since;
    moments.push([from, performance.now()]);
  };
  g.__forge_fetch__ = async (target, path, init) => {
    if (inFlight++ === 0) endMoment();
    try {
      // The tap reads the whole body before it answers, so the site's work ends inside this await.
      return await inner(target, path, init);
    } finally {
      if (--inFlight === 0) {
        since = cpuMsNow();
        from = performance.now();
      }
    }
  };
  const started = performance.now();
  try {
    const answer = await run();
    if (inFlight === 0) endMoment();
    const wallMs = performance.now() - started;
    // GC entries reach observers after the collection, from the event loop: let them arrive.
    await new Promise((resolve) => setImmediate(resolve));
    gcs.push(...observer.takeRecords());
    const inMoment = (e: PerformanceEntry) => moments.some(([a, b]) => e.startTime >= a && e.startTime <= b);
    const gcMs = gcs.filter(inMoment).reduce((sum, e) => sum + e.duration, 0);
    const momentsMs = moments.reduce((sum, [a, b]) => sum + (b - a), 0);
    return { answer, cpuMs, momentsMs, ownMs: Math.min(cpuMs, momentsMs), gcMs, wallMs };
  } finally {
    observer.disconnect();
    g.__forge_fetch__ = inner;
  }
}

/** Median, least and most of a list of figures (the runs of one edit). */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function spreadOf(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}
