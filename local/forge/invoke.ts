import type { LoadedManifest } from './manifest';
import { isNeedsAuthentication } from './consent';
import { runAs, type AsyncEvent, type Installation } from './runtime';

type ResolverHandler = (event: unknown, runtimePayload: unknown) => Promise<unknown>;

export interface InvokeRequest {
  accountId: string;
  moduleKey: string;
  functionKey: string;
  payload: unknown;
  /** The frame's context as the page gave it: frontend input, exactly as on Forge. */
  context: Record<string, unknown>;
}

export type InvokeResult =
  | { ok: true; body: unknown }
  | {
      ok: false;
      message: string;
      /** The person must allow the app first (Jira's "Allow access"). */ needsConsent?: true;
    };

// Handlers are loaded from src/ through the same export names manifest.yml gives, so the
// host runs the production code unchanged.
export function createInvoker(manifest: LoadedManifest, installation?: Installation) {
  const installContext = `ari:cloud:jira::site/${installation?.installationId ?? 'local'}`;
  // Every call carries its installation, so one process may serve several sites (as a warm
  // Forge instance does) and each call reaches its own.
  const within = <T>(accountId: string, moduleKey: string, work: () => Promise<T>) =>
    runAs({ accountId, moduleKey, ...(installation ? { installation } : {}) }, work);
  const cache = new Map<string, ResolverHandler>();
  const load = (functionName: string): ResolverHandler => {
    const cached = cache.get(functionName);
    if (cached) return cached;
    const { file, exportName } = manifest.handlerOf(functionName);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const handler = (require(file) as Record<string, unknown>)[exportName];
    if (typeof handler !== 'function') throw new Error(`${file} does not export a function '${exportName}'`);
    cache.set(functionName, handler as ResolverHandler);
    return handler as ResolverHandler;
  };

  const moduleFunction = (moduleKey: string): string => {
    const module = manifest.uiModules.find((m) => m.key === moduleKey);
    if (!module?.resolver) throw new Error(`Module '${moduleKey}' has no resolver in manifest.yml`);
    return module.resolver.function;
  };

  return {
    async invoke(request: InvokeRequest): Promise<InvokeResult> {
      try {
        const handler = load(moduleFunction(request.moduleKey));
        const runtimePayload = {
          principal: { accountId: request.accountId },
          installContext,
          license: { isActive: true },
        };
        const event = {
          call: { functionKey: request.functionKey, payload: request.payload },
          context: request.context,
        };
        const body = await within(request.accountId, request.moduleKey, () => handler(event, runtimePayload));
        return { ok: true, body };
      } catch (error) {
        if (isNeedsAuthentication(error))
          return { ok: false, message: 'This app needs your permission to access Jira.', needsConsent: true };
        // On Forge a throwing resolver surfaces as a rejected invoke(); the app must not rely on it.
        console.error(`[forge] resolver ${request.functionKey} failed:`, error);
        return { ok: false, message: 'There was an error invoking the function.' };
      }
    },
    /**
     * Runs an async event consumer's function as the app, as Forge does since @forge/events 2:
     * the function itself (no resolver) gets the AsyncEvent and the invocation's context.
     * https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api-version-2-upgrade
     */
    async consume(functionName: string, event: AsyncEvent): Promise<void> {
      const handler = load(functionName);
      await within('', functionName, () => handler(event, { installContext }));
    },
    /** Calls a trigger's function as the app, with the event Forge would send. */
    async trigger(functionName: string, event: unknown): Promise<void> {
      const handler = load(functionName);
      await within('', functionName, () => handler(event, { installContext }));
    },
  };
}
