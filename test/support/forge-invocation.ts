import { backgroundWork, consumeQueues, installForgeRuntime, runAs } from '../../local/forge/runtime';
import type { LocalSite } from '../../local/site/server';

// Parameters typed `never` so any handler's own event types are accepted (contravariance).
type Handler = (event: never, runtimePayload: never) => Promise<unknown>;

export const ACCOUNT = { alice: '712020:alice', bob: '712020:bob', carol: '712020:carol' } as const;

/**
 * Calls a resolver the way Forge does: through the real @forge/resolver definitions, with
 * @forge/api reaching the local site as the invoking user.
 */
export function resolverCaller(site: LocalSite, handler: Handler) {
  installForgeRuntime(site, 'ari:cloud:ecosystem::app/test');
  return (who: keyof typeof ACCOUNT, functionKey: string, payload: unknown, extension: Record<string, unknown>) => {
    const accountId = ACCOUNT[who];
    return runAs({ accountId, moduleKey: 'test' }, () =>
      handler(
        { call: { functionKey, payload }, context: { accountId, moduleKey: 'test', extension } } as never,
        { principal: { accountId } } as never,
      ),
    );
  };
}

/**
 * Delivers events pushed to app queues to a consumer function, as the app, the way the local
 * host and Forge do (@forge/events 2+): the function gets the AsyncEvent (the pushed body, plus
 * queueName, jobId, eventId) and a context. `idle()` resolves when every delivered event has
 * been handled. The second argument is ignored: consumers have had no resolver method since
 * @forge/events 2; it stays until the callers in src/resolvers drop it.
 */
export function queueConsumer(handler: Handler, _legacyMethod?: string) {
  const work = backgroundWork();
  consumeQueues(work, (event) =>
    runAs({ accountId: '', moduleKey: 'consumer' }, () =>
      handler(event as never, { installContext: 'ari:cloud:jira::site/local' } as never),
    ),
  );
  return { idle: work.idle };
}
