import { APP_ACCOUNT_ID } from '../../local/site/base-data';
import type { LocalSite } from '../../local/site/server';
import { JiraClient } from '../../src/jira/client/jira-client';
import type { JiraTransport, TransportRequest, TransportResponse } from '../../src/jira/client/transport';

// A jira/ client acting as the app whose requests a test can hold back, watch, or answer itself:
// for races (two writers at chosen moments) and for Jira failing at one chosen request.

export type Phase = 'before' | 'after';
/** Runs around each request (after it, with Jira's status); a response returned before it is sent answers in Jira's place. */
export type RequestHook = (
  path: string,
  request: TransportRequest,
  phase: Phase,
  status?: number,
) => Promise<TransportResponse | void> | TransportResponse | void;

export function hookedAppClient(site: LocalSite, hook: RequestHook): JiraClient {
  return hookedClient(site, hook, APP_ACCOUNT_ID);
}

/**
 * The same for a person: their requests, held back, watched or answered by `hook`. `tenant`: the
 * site as the app's memory keys it (see siteClient).
 */
export function hookedClient(site: LocalSite, hook: RequestHook, accountId: string, tenant?: string): JiraClient {
  const token = site.auth.issueForgeToken(accountId);
  const transport: JiraTransport = {
    send: async (path, request) => {
      const fake = await hook(path, request, 'before');
      if (fake) return fake;
      const response = await fetch(`${site.url}${path}`, {
        method: request.method,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(request.body !== undefined ? { body: request.body } : {}),
      });
      const text = await response.text();
      await hook(path, request, 'after', response.status);
      return { status: response.status, headers: response.headers, text: async () => text };
    },
  };
  return new JiraClient(transport, { sleep: async () => undefined, ...(tenant !== undefined ? { tenant } : {}) });
}

/** A one-shot signal: `done` resolves once `fire` is called. */
export function signal(): { fire: () => void; done: Promise<void> } {
  let fire!: () => void;
  const done = new Promise<void>((resolve) => (fire = resolve));
  return { fire, done };
}
