import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Authenticator } from './auth';
import { Faults, type FaultSettings } from './faults';
import { SearchIndex } from './search-index';
import { JiraError, errorBody, type SiteEvent, type SiteRequest, type SiteResponse } from './http';
import { RequestLog } from './request-log';
import { Router, type Route } from './router';
import { allRoutes } from './routes';
import { Store } from './store';
import { ensureBaseData } from './base-data';
import type { LocalCustomField } from './model';
import type { IndexedPropertyValue } from './jql/compile-jql';

export interface LocalSiteOptions {
  /** SQLite file; ':memory:' for throwaway tests. */
  dataFile: string;
  port?: number;
  host?: string;
  faults?: Partial<FaultSettings>;
  /** The app's custom fields and JQL property indexes, read from manifest.yml. */
  app?: { customFields: Array<Omit<LocalCustomField, 'id' | 'numericId'>>; indexedProperties: IndexedPropertyValue[] };
  /** Extra handlers mounted next to the Jira routes (the local Forge host's pages). */
  extra?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean | Promise<boolean>;
}

export interface LocalSite {
  url: string;
  port: number;
  store: Store;
  log: RequestLog;
  faults: Faults;
  events: EventEmitter<{ event: [SiteEvent] }>;
  auth: Authenticator;
  routes: Route[];
  indexedProperties: IndexedPropertyValue[];
  /** What JQL search sees; lags behind writes when the fault settings ask for it. */
  searchIndex: SearchIndex;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function startLocalSite(options: LocalSiteOptions): Promise<LocalSite> {
  const store = new Store(options.dataFile);
  const indexedProperties = options.app?.indexedProperties ?? [];
  ensureBaseData(store, options.app?.customFields ?? []);
  const log = new RequestLog();
  const faults = new Faults();
  if (options.faults) faults.configure(options.faults);
  const auth = new Authenticator(store);
  const events = new EventEmitter<{ event: [SiteEvent] }>();
  const searchIndex = new SearchIndex(store, faults);
  const router = new Router(allRoutes({ indexedProperties, faults, searchIndex }));
  let baseUrl = '';

  const server = http.createServer((req, res) => {
    void (async () => {
      if (options.extra && (await options.extra(req, res))) return;
      await answer(req, res);
    })().catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, errorBody([`Internal error: ${String(error)}`]));
    });
  });

  async function answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const method = (req.method ?? 'GET').toUpperCase();
    const matched = router.match(method, url.pathname);
    const principal = auth.authenticate(req);
    const startedMs = performance.now();
    const record = (status: number, fault?: '429' | '500') =>
      log.add({
        method,
        path: url.pathname,
        query: url.search,
        principal: principalName(principal),
        status,
        ...(fault ? { fault } : {}),
        startedMs,
        endedMs: performance.now(),
      });

    if (url.pathname.startsWith('/rest/')) {
      const latency = faults.latencyMs();
      if (latency > 0) await new Promise((r) => setTimeout(r, latency));
      const fault = faults.decide();
      if (fault.kind === '429') {
        record(429, '429');
        return send(
          res,
          429,
          errorBody(['Rate limit exceeded.']),
          fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) },
        );
      }
      if (fault.kind === '500') {
        record(500, '500');
        return send(res, 500, errorBody(['Internal server error (injected by the local site).']));
      }
    }
    if (matched === 'not-found' || matched === 'method-not-allowed') {
      const status = matched === 'not-found' ? 404 : 405;
      record(status);
      return send(
        res,
        status,
        errorBody([
          status === 404
            ? `No route for ${method} ${url.pathname} on this site.`
            : `Method ${method} is not allowed on ${url.pathname}.`,
        ]),
      );
    }
    if (!principal && !matched.route.anonymous) {
      record(401);
      return send(
        res,
        401,
        errorBody(['You are not authenticated. Authentication required to perform this operation.']),
      );
    }
    let body: unknown;
    try {
      body = await readJson(req);
    } catch (error) {
      record(400);
      return send(res, 400, errorBody([error instanceof Error ? error.message : 'Invalid request body.']));
    }
    const pending: SiteEvent[] = [];
    const request: SiteRequest = {
      method,
      path: url.pathname,
      params: matched.params,
      query: url.searchParams,
      body,
      principal: principal ?? anonymousUser,
      store,
      baseUrl,
      emit: (event) => pending.push(event),
    };
    const response = searchIndex.during(() => run(matched.route, request));
    record(response.status);
    send(res, response.status, response.body, response.headers);
    // Events go out after the answer, as Jira's do: asynchronously, never inside the request.
    for (const event of pending) setImmediate(() => events.emit('event', event));
  }

  // Keep idle connections open longer than fetch's own 4 s keep-alive, so a client never
  // reuses a socket the site has just closed (ECONNRESET on the next request).
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    port,
    store,
    log,
    faults,
    events,
    auth,
    routes: router.list(),
    indexedProperties,
    searchIndex,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          store.close();
          resolve();
        });
      }),
  };
}

const anonymousUser = {
  accountId: 'anonymous',
  email: '',
  displayName: 'Anonymous',
  apiToken: '',
  accountType: 'atlassian' as const,
};

const principalName = (principal: { accountId: string; accountType: string } | undefined): string =>
  !principal ? 'anonymous' : principal.accountType === 'app' ? 'app' : principal.accountId;

function run(route: Route, request: SiteRequest): SiteResponse {
  try {
    return route.handler(request);
  } catch (error) {
    if (error instanceof JiraError) return { status: error.status, body: errorBody(error.errorMessages, error.errors) };
    throw error;
  }
}

function send(res: http.ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json;charset=UTF-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('The request body is too large.');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('Unexpected character in the request body: it is not valid JSON.');
  }
}
