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

const noopMetric = { incr: () => undefined, decr: () => undefined, measure: () => ({ stop: () => undefined }) };
const metrics = { counter: () => noopMetric, timing: () => noopMetric, gauge: () => noopMetric };

export function installForgeRuntime(site: LocalSite, appId: string): void {
  const g = globalThis as Record<string, unknown>;
  g.__forge_fetch__ = async (target: FetchTarget, path: string, init: RequestInit = {}) => {
    if (target.remote && target.remote !== 'jira') throw new Error(`The local Forge host only proxies Jira, not '${target.remote}'.`);
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
