import type { LoadedManifest } from './manifest';

// Forge's invocation limits, enforced by the local host as Forge enforces them: a function that
// runs past its time is stopped (its invoke rejects, a consumer or trigger is logged as timed out,
// and a Jira call it makes afterwards fails), an invoke payload or a resolver answer over its size
// is refused. Platform quotas and limits:
// https://developer.atlassian.com/platform/forge/platform-quotas-and-limits/
// Invocation limits (runtime seconds: 25 for UI invocations; 55 by default and up to 900 with
// `timeoutSeconds` for a function only referenced by consumer or scheduled trigger modules):
// https://developer.atlassian.com/platform/forge/limits-invocation/

export interface ForgeLimits {
  /** A UI resolver's and a product event trigger's run time: 25 s. */
  resolverMs: number;
  /** The largest invoke payload the frontend may send: 500 KB. */
  payloadBytes: number;
  /** The largest answer a resolver may give: 5 MB. */
  responseBytes: number;
  /**
   * A function only referenced by scheduled trigger or consumer modules, without `timeoutSeconds`:
   * 55 s (the scheduled trigger module's default).
   */
  scheduledTriggerMs: number;
  /**
   * The most `timeoutSeconds` may give such a function: 900 s, which the app's async event
   * consumer asks for. Tests lower it to cap those functions at a tiny time too.
   */
  longRunningMaxMs: number;
}

export const FORGE_LIMITS: ForgeLimits = {
  resolverMs: 25_000,
  payloadBytes: 500 * 1024,
  responseBytes: 5 * 1024 * 1024,
  scheduledTriggerMs: 55_000,
  longRunningMaxMs: 900_000,
};

/** The most `timeoutSeconds` Forge accepts on a function module. */
export const MAX_TIMEOUT_SECONDS = 900;

export const withDefaults = (limits: Partial<ForgeLimits> = {}): ForgeLimits => ({ ...FORGE_LIMITS, ...limits });

/**
 * How long a function may run when Forge calls it for a scheduled trigger or a queue: its
 * `timeoutSeconds` when only such modules reference it, else the default; never over the maximum.
 */
export function backgroundTimeoutMs(manifest: LoadedManifest, functionKey: string, limits: ForgeLimits): number {
  const { modules } = manifest.manifest;
  const referencedByUi = manifest.uiModules.some((m) => m.resolver?.function === functionKey);
  const referencedByTrigger = modules.trigger.some((t) => t.function === functionKey);
  if (referencedByUi || referencedByTrigger) return limits.resolverMs;
  const seconds = modules.function.find((f) => f.key === functionKey)?.timeoutSeconds;
  return Math.min(seconds === undefined ? limits.scheduledTriggerMs : seconds * 1000, limits.longRunningMaxMs);
}

/** Thrown into the host when a function outlives its time; the function itself is "stopped" (see runtime.ts). */
export class InvocationTimeout extends Error {
  constructor(
    readonly functionKey: string,
    readonly limitMs: number,
  ) {
    super(`Function '${functionKey}' timed out after ${seconds(limitMs)} seconds`);
    this.name = 'InvocationTimeout';
  }
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);

/** The size of a value as it travels: JSON, in UTF-8 bytes. */
export const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');
