import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { LocalSite } from '../site/server';
import { APP_ACCOUNT_ID } from '../site/base-data';
import { createConsent, needsAuthenticationResponse, type Consent } from './consent';
import { FORGE_LIMITS } from './limits';

// What the Forge platform gives a function at run time, recreated offline: the globals that
// @forge/api reads (__forge_fetch__, __forge_runtime__), bound to the invocation in progress
// so that asUser() means the person who clicked and asApp() means the app.

export interface Invocation {
  accountId: string;
  moduleKey: string;
  /**
   * The installation this call runs for, when one process serves several sites (as a warm
   * Forge instance may): its Jira site and installation id. Default: the installed runtime's.
   */
  installation?: Installation;
  /**
   * When this invocation's time runs out (epoch ms): getRemainingTimeInMillis counts down to it,
   * and after it the invocation is stopped, as Forge stops a function at its limit (limits.ts).
   */
  deadline?: number;
}

/** One site the app is installed on. */
export interface Installation {
  site: LocalSite;
  installationId: string;
  /** Who has allowed the app on this site; default: the installed runtime's. */
  consent?: Consent;
}

const current = new AsyncLocalStorage<Invocation>();

export const runAs = <T>(invocation: Invocation, work: () => Promise<T>): Promise<T> => current.run(invocation, work);

interface FetchTarget {
  type?: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

/** One event as Queue.push sent it (@forge/events 2+: a PushEvent). */
export interface PushedEvent {
  body: Record<string, unknown>;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
}

/**
 * What Forge hands a consumer function (@forge/events 2+): the pushed event's fields plus
 * queueName, jobId, eventId and, on a retry, retryContext.
 * https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api-version-2-upgrade
 */
export interface AsyncEvent extends PushedEvent {
  queueName: string;
  jobId: string;
  eventId: string;
  retryContext?: { retryCount: number; retryReason: string; retryData: unknown };
}

/** Where events pushed with @forge/events' Queue go (the host and tests hand them to consumers). */
export type QueueSink = (queueName: string, events: PushedEvent[], jobId: string) => void;
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
    payload: PushedEvent[];
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

/** Hands every event pushed to an app queue to `consume` as the AsyncEvent Forge delivers, in the background. */
export function consumeQueues(
  work: ReturnType<typeof backgroundWork>,
  consume: (event: AsyncEvent) => Promise<unknown>,
): void {
  setQueueSink((queueName, events, jobId) => {
    for (const pushed of events) {
      const event: AsyncEvent = { ...pushed, queueName, jobId, eventId: randomUUID() };
      work.start(`consumer of ${queueName}`, () => consume(event));
    }
  });
}

const noopMetric = { incr: () => undefined, decr: () => undefined, measure: () => ({ stop: () => undefined }) };
const metrics = { counter: () => noopMetric, timing: () => noopMetric, gauge: () => noopMetric };

export interface RuntimeOptions {
  /** Who has allowed the app to act as them; by default everyone has. */
  consent?: Consent;
}

export function installForgeRuntime(site: LocalSite, appId: string, options: RuntimeOptions = {}): void {
  const g = globalThis as Record<string, unknown>;
  const consent = options.consent ?? createConsent();
  const installation = (): Installation => current.getStore()?.installation ?? { site, installationId: 'local' };
  g.__forge_fetch__ = async (target: FetchTarget, path: string, init: RequestInit = {}) => {
    if (target.provider === 'app' && path.startsWith(QUEUE_PUBLISH)) return publish(init);
    if (target.remote && target.remote !== 'jira')
      throw new Error(`The local Forge host only proxies Jira, not '${target.remote}'.`);
    const invocation = current.getStore();
    // Forge stops a function at its limit; a call it would still make never reaches Jira.
    if (invocation?.deadline !== undefined && Date.now() > invocation.deadline)
      throw new Error(`The invocation of '${invocation.moduleKey}' has timed out; it was stopped before this call.`);
    const accountId = target.provider === 'app' ? APP_ACCOUNT_ID : (target.accountId ?? invocation?.accountId);
    if (!accountId) throw new Error('asUser() was called outside of a user invocation.');
    // As Forge's proxy does for a person who has not allowed the app yet (see consent.ts).
    const consentOfCall = invocation?.installation?.consent ?? consent;
    if (target.provider !== 'app' && consentOfCall.pending(accountId)) return needsAuthenticationResponse();
    const headers = new Headers(init.headers);
    const siteOfCall = installation().site;
    headers.set('Authorization', `Bearer ${siteOfCall.auth.tokenFor(accountId)}`);
    return fetch(`${siteOfCall.url}${path}`, { ...init, headers });
  };
  g.__forge_runtime__ = {
    appContext: {
      appId,
      appVersion: 'local',
      environmentId: 'local',
      environmentType: 'DEVELOPMENT',
      invocationId: 'local',
      get installationId() {
        return installation().installationId;
      },
      get moduleKey() {
        return current.getStore()?.moduleKey ?? 'unknown';
      },
    },
    // getAppContext().invocationRemainingTimeInMillis: the time left of the invocation in progress.
    // https://developer.atlassian.com/platform/forge/runtime-reference/app-context-api/
    lambdaContext: {
      getRemainingTimeInMillis: () => {
        const deadline = current.getStore()?.deadline;
        return deadline === undefined ? FORGE_LIMITS.resolverMs : Math.max(0, deadline - Date.now());
      },
    },
    metrics,
    externalAuth: [],
  };
}
