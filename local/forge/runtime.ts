import { AsyncLocalStorage } from 'node:async_hooks';
import type { LocalSite } from '../site/server';
import { APP_ACCOUNT_ID } from '../site/base-data';

// What the Forge platform gives a function at run time, recreated offline: the globals that
// @forge/api reads (__forge_fetch__, __forge_runtime__), bound to the invocation in progress
// so that asUser() means the person who clicked and asApp() means the app.

export interface Invocation {
  accountId: string;
  moduleKey: string;
}

const current = new AsyncLocalStorage<Invocation>();

export const runAs = <T>(invocation: Invocation, work: () => Promise<T>): Promise<T> => current.run(invocation, work);

interface FetchTarget {
  type?: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

/** Where events pushed with @forge/events' Queue go (the host and tests hand them to consumers). */
export type QueueSink = (queueName: string, events: Array<{ body: unknown }>, jobId: string) => void;
let queueSink: QueueSink | undefined;
export const setQueueSink = (sink: QueueSink | undefined) => {
  queueSink = sink;
};
const QUEUE_PUBLISH = '/webhook/queue/publish/';

/** Queue.push posts here through the app's fetch; Forge answers 201 and runs the consumers later. */
function publish(init: RequestInit): Response {
  if (!queueSink)
    return new Response(JSON.stringify({ message: 'No consumer listens to app queues here.' }), { status: 500 });
  const request = JSON.parse(String(init.body)) as {
    queueName: string;
    jobId: string;
    payload: Array<{ body: unknown }>;
  };
  queueSink(request.queueName, request.payload, request.jobId);
  return new Response(JSON.stringify({}), { status: 201, headers: { 'content-type': 'application/json' } });
}

/** Work that runs after the call that caused it has answered, as Forge runs triggers and consumers; idle() waits for it. */
export function backgroundWork() {
  const running = new Set<Promise<unknown>>();
  return {
    start(label: string, job: () => Promise<unknown>): void {
      const work = new Promise((resolve) => setImmediate(resolve))
        .then(job)
        .catch((error: unknown) => console.error(`[forge] ${label} failed:`, error));
      running.add(work);
      void work.finally(() => running.delete(work));
    },
    idle: async (): Promise<void> => void (await Promise.all([...running])),
  };
}

/** Hands every event pushed to an app queue to `consume`, in the background. */
export function consumeQueues(
  work: ReturnType<typeof backgroundWork>,
  consume: (queueName: string, body: unknown, jobId: string) => Promise<unknown>,
): void {
  setQueueSink((queueName, events, jobId) => {
    for (const event of events) work.start(`consumer of ${queueName}`, () => consume(queueName, event.body, jobId));
  });
}

const noopMetric = { incr: () => undefined, decr: () => undefined, measure: () => ({ stop: () => undefined }) };
const metrics = { counter: () => noopMetric, timing: () => noopMetric, gauge: () => noopMetric };

export function installForgeRuntime(site: LocalSite, appId: string): void {
  const g = globalThis as Record<string, unknown>;
  g.__forge_fetch__ = async (target: FetchTarget, path: string, init: RequestInit = {}) => {
    if (target.provider === 'app' && path.startsWith(QUEUE_PUBLISH)) return publish(init);
    if (target.remote && target.remote !== 'jira')
      throw new Error(`The local Forge host only proxies Jira, not '${target.remote}'.`);
    const invocation = current.getStore();
    const accountId = target.provider === 'app' ? APP_ACCOUNT_ID : (target.accountId ?? invocation?.accountId);
    if (!accountId) throw new Error('asUser() was called outside of a user invocation.');
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${site.auth.tokenFor(accountId)}`);
    return fetch(`${site.url}${path}`, { ...init, headers });
  };
  g.__forge_runtime__ = {
    appContext: {
      appId,
      appVersion: 'local',
      environmentId: 'local',
      environmentType: 'DEVELOPMENT',
      invocationId: 'local',
      installationId: 'local',
      get moduleKey() {
        return current.getStore()?.moduleKey ?? 'unknown';
      },
    },
    lambdaContext: { getRemainingTimeInMillis: () => 25_000 },
    metrics,
    externalAuth: [],
  };
}
