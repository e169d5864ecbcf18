import api, { assumeTrustedRoute } from '@forge/api';
import type { JiraTransport } from './transport';

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
});
