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
 * Delivers events pushed to app queues to a consumer's resolver function, as the app, the way
 * the local host does; `idle()` resolves when every delivered event has been handled.
 */
export function queueConsumer(handler: Handler, method: string) {
  const work = backgroundWork();
  consumeQueues(work, (_queue, body, jobId) =>
    runAs({ accountId: '', moduleKey: 'consumer' }, () =>
      handler({ call: { functionKey: method, payload: body, jobId }, context: {} } as never, {} as never),
    ),
  );
  return { idle: work.idle };
}
