import type { LoadedManifest } from './manifest';
import { isNeedsAuthentication } from './consent';
import { backgroundTimeoutMs, InvocationTimeout, jsonBytes, withDefaults, type ForgeLimits } from './limits';
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

/** The message @forge/bridge's invoke rejects with when the function failed; Forge adds the reason. */
const INVOKE_ERROR = 'There was an error invoking the function';
const kb = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${Math.round(bytes / 1024)} KB`);

// Handlers are loaded from src/ through the same export names manifest.yml gives, so the
// host runs the production code unchanged.
export function createInvoker(
  manifest: LoadedManifest,
  installation?: Installation,
  limitsGiven: Partial<ForgeLimits> = {},
) {
  const limits = withDefaults(limitsGiven);
  const installContext = `ari:cloud:jira::site/${installation?.installationId ?? 'local'}`;
  // Every call carries its installation, so one process may serve several sites (as a warm
  // Forge instance does) and each call reaches its own; and its deadline: the call fails with
  // InvocationTimeout when its time is up, and the function is stopped (see runtime.ts).
  const within = <T>(accountId: string, moduleKey: string, limitMs: number, work: () => Promise<T>): Promise<T> => {
    const deadline = Date.now() + limitMs;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new InvocationTimeout(moduleKey, limitMs)), limitMs);
    });
    // A function that fails past its deadline was stopped by it (its late Jira call was refused).
    const run = runAs({ accountId, moduleKey, deadline, ...(installation ? { installation } : {}) }, work).catch(
      (error: unknown) => {
        throw Date.now() >= deadline ? new InvocationTimeout(moduleKey, limitMs) : error;
      },
    );
    return Promise.race([run, timedOut]).finally(() => clearTimeout(timer));
  };
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
    limits,
    async invoke(request: InvokeRequest): Promise<InvokeResult> {
      // Forge refuses an invoke whose payload is over the limit before any function runs.
      const payloadBytes = jsonBytes(request.payload);
      if (payloadBytes > limits.payloadBytes) {
        console.error(`[forge] invoke ${request.functionKey}: payload of ${payloadBytes} bytes is over the limit`);
        return { ok: false, message: `${INVOKE_ERROR} - The payload is too large (over ${kb(limits.payloadBytes)}).` };
      }
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
        const body = await within(request.accountId, request.moduleKey, limits.resolverMs, () =>
          handler(event, runtimePayload),
        );
        const responseBytes = jsonBytes(body);
        if (responseBytes > limits.responseBytes) {
          console.error(`[forge] resolver ${request.functionKey}: answer of ${responseBytes} bytes is over the limit`);
          return {
            ok: false,
            message: `${INVOKE_ERROR} - The response is too large (over ${kb(limits.responseBytes)}).`,
          };
        }
        return { ok: true, body };
      } catch (error) {
        if (isNeedsAuthentication(error))
          return { ok: false, message: 'This app needs your permission to access Jira.', needsConsent: true };
        if (error instanceof InvocationTimeout) {
          console.error(`[forge] resolver ${request.functionKey}: ${error.message}`);
          return { ok: false, message: `${INVOKE_ERROR} - ${error.message}` };
        }
        // On Forge a throwing resolver surfaces as a rejected invoke(); the app must not rely on it.
        console.error(`[forge] resolver ${request.functionKey} failed:`, error);
        return { ok: false, message: `${INVOKE_ERROR}.` };
      }
    },
    /**
     * Runs an async event consumer's function as the app, as Forge does since @forge/events 2:
     * the function itself (no resolver) gets the AsyncEvent and the invocation's context.
     * https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api-version-2-upgrade
     */
    async consume(functionName: string, event: AsyncEvent): Promise<void> {
      const handler = load(functionName);
      const limitMs = backgroundTimeoutMs(manifest, functionName, limits);
      await within('', functionName, limitMs, () => handler(event, { installContext }));
    },
    /** Calls a product event trigger's function as the app, with the event Forge would send. */
    async trigger(functionName: string, event: unknown): Promise<void> {
      const handler = load(functionName);
      await within('', functionName, limits.resolverMs, () => handler(event, { installContext }));
    },
    /**
     * Calls a scheduled trigger's function as the app, with the request Forge sends (no user);
     * it runs for 55 s unless its function's `timeoutSeconds` says otherwise.
     * https://developer.atlassian.com/platform/forge/function-reference/scheduled-trigger
     */
    async schedule(functionName: string): Promise<unknown> {
      const handler = load(functionName);
      const limitMs = backgroundTimeoutMs(manifest, functionName, limits);
      return within('', functionName, limitMs, () => handler({ context: { installContext } }, { installContext }));
    },
  };
}
