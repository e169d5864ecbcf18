import { getAppContext } from '@forge/api';

/**
 * How many milliseconds the running Forge invocation has left before Forge stops it, or undefined
 * outside Forge (the CLI, tests without the local host).
 * https://developer.atlassian.com/platform/forge/runtime-reference/app-context-api/
 */
export function invocationRemainingMs(): number | undefined {
  try {
    return getAppContext().invocationRemainingTimeInMillis();
  } catch {
    return undefined;
  }
}
