import type { LoadedManifest } from './manifest';
import { runAs } from './runtime';

type ResolverHandler = (event: unknown, runtimePayload: unknown) => Promise<unknown>;

export interface InvokeRequest {
  accountId: string;
  moduleKey: string;
  functionKey: string;
  payload: unknown;
  /** The frame's context as the page gave it: frontend input, exactly as on Forge. */
  context: Record<string, unknown>;
}

export type InvokeResult = { ok: true; body: unknown } | { ok: false; message: string };

// Handlers are loaded from src/ through the same export names manifest.yml gives, so the
// host runs the production code unchanged.
export function createInvoker(manifest: LoadedManifest) {
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
          installContext: 'ari:cloud:jira::site/local',
          license: { isActive: true },
        };
        const event = {
          call: { functionKey: request.functionKey, payload: request.payload },
          context: request.context,
        };
        const body = await runAs({ accountId: request.accountId, moduleKey: request.moduleKey }, () =>
          handler(event, runtimePayload),
        );
        return { ok: true, body };
      } catch (error) {
        // On Forge a throwing resolver surfaces as a rejected invoke(); the app must not rely on it.
        console.error(`[forge] resolver ${request.functionKey} failed:`, error);
        return { ok: false, message: 'There was an error invoking the function.' };
      }
    },
    /** Runs an async event consumer (a resolver function and method) as the app, as Forge does. */
    async consume(functionName: string, method: string, body: unknown, jobId: string): Promise<void> {
      const handler = load(functionName);
      const event = { call: { functionKey: method, payload: body, jobId }, context: {} };
      await runAs({ accountId: '', moduleKey: functionName }, () =>
        handler(event, { installContext: 'ari:cloud:jira::site/local' }),
      );
    },
    /** Calls a trigger's function as the app, with the event Forge would send. */
    async trigger(functionName: string, event: unknown): Promise<void> {
      const handler = load(functionName);
      await runAs({ accountId: '', moduleKey: functionName }, () =>
        handler(event, { installContext: 'ari:cloud:jira::site/local' }),
      );
    },
  };
}
