import api, { assumeTrustedRoute, getAppContext, NeedsAuthenticationError } from '@forge/api';
import type { JiraTransport } from './transport';

/**
 * Whether `error` is @forge/api's NeedsAuthenticationError: Forge's proxy answered a call made
 * asUser() with the header `forge-proxy-error: NEEDS_AUTHENTICATION_ERR`, because the person has
 * not yet allowed the app to act as them. Forge shows its "Allow access" prompt only when this
 * error leaves the function, so nothing may wrap it. The name is checked too, because a second
 * copy of @forge/api in a bundle has its own class.
 * https://developer.atlassian.com/platform/forge/runtime-reference/fetch-api-product.requestjira/
 */
export const needsUserConsent = (error: unknown): boolean =>
  error instanceof NeedsAuthenticationError || (error instanceof Error && error.name === 'NEEDS_AUTHENTICATION_ERR');

/**
 * requestJira as the invoking user (Jira enforces that user's permissions) or as the app
 * (for writes only the app may make; callers check the user's permission first).
 */
export const forgeTransport = (as: 'user' | 'app'): JiraTransport => ({
  send: (path, request) => {
    const requester = as === 'user' ? api.asUser() : api.asApp();
    // The path was built with `route` by the client, which escaped every parameter.
    return requester.requestJira(assumeTrustedRoute(path), {
      method: request.method,
      headers: {
        Accept: 'application/json',
        ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(request.body !== undefined ? { body: request.body } : {}),
    });
  },
  passThrough: needsUserConsent,
});

/**
 * The installation this invocation runs for (one app on one site), or undefined outside Forge.
 * A warm function instance may serve several installations, so anything cached across calls
 * is keyed by it. https://developer.atlassian.com/platform/forge/runtime-reference/app-context-api/
 */
export function currentInstallation(): string | undefined {
  try {
    const { installationAri } = getAppContext();
    return installationAri.installationId ? installationAri.toString() : undefined;
  } catch {
    return undefined;
  }
}
