// Wraps the __forge_fetch__ global that installForgeRuntime (local/forge/runtime.ts) puts in
// place, so the benchmark can (1) tell which Jira requests a resolver call made and why,
// (2) record the answers of one call, and (3) run the same call again with Jira answering
// instantly from that recording. The third gives the resolver's own compute time: everything
// it does except waiting for Jira (and except the local site's work, which runs in this same
// process and would otherwise be counted as the app's).

type ForgeFetch = (target: unknown, path: string, init?: RequestInit) => Promise<Response>;

interface Recorded {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

export type RequestKind = 'storySearch' | 'taskSearch' | 'modelRead' | 'permissions' | 'sprint' | 'fields' | 'other';

export interface SeenRequest {
  method: string;
  path: string;
  kind: RequestKind;
  /**
   * Objects in the answer, for the estimate of Jira's points (see quota.ts): the issues of a search
   * or bulk fetch, the values of a list, 1 for any other read, 0 for a write. Known only in the
   * modes that read the answer ('timed', 'record').
   */
  objects?: number;
}

const READ_POSTS = ['/search/jql', '/issue/bulkfetch', '/mypermissions'];
const isRead = (method: string, path: string) =>
  method === 'GET' || (method === 'POST' && READ_POSTS.some((p) => (path.split('?')[0] ?? path).endsWith(p)));

/** How many objects a read answered with (0 for writes): what Jira charges points for beyond the base. */
function objectsIn(method: string, path: string, text: string): number {
  if (!isRead(method, path)) return 0;
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    for (const list of ['issues', 'values', 'issuesAndPermissions']) {
      const value = body?.[list];
      if (Array.isArray(value)) return value.length;
    }
    if (Array.isArray(body)) return body.length;
  } catch {
    // not JSON (an empty 204): one object, the resource asked about
  }
  return 1;
}

const bodyText = (init: RequestInit | undefined): string => (typeof init?.body === 'string' ? init.body : '');

function kindOf(method: string, path: string, body: string): RequestKind {
  const bare = path.split('?')[0] ?? path;
  if (bare.endsWith('/search/jql')) {
    if (body.includes('issue.property[without.task]')) return 'taskSearch';
    if (/sprint\s*=/.test(body)) return 'storySearch';
    return 'other';
  }
  if (method === 'GET' && /\/properties\/without\.model(\.shard\.\d+)?$/.test(bare)) return 'modelRead';
  if (method === 'GET' && /^\/rest\/api\/3\/project\/[^/]+$/.test(bare) && path.includes('properties=without.model'))
    return 'modelRead';
  if (bare.endsWith('/mypermissions')) return 'permissions';
  if (bare.startsWith('/rest/agile/1.0/sprint/')) return 'sprint';
  if (bare === '/rest/api/3/field') return 'fields';
  return 'other';
}

export class ForgeFetchTap {
  private readonly live: ForgeFetch;
  private mode: 'live' | 'timed' | 'record' | 'replay' = 'live';
  /** Requests in flight now, and since when at least one has been (for `jiraMs`). */
  private inFlight = 0;
  private busySince = 0;
  /**
   * Wall time with at least one Jira request in flight, since the last `reset()` (mode 'timed'):
   * the call's wall time minus this is the app's own work (the local site runs in this process,
   * so its work falls inside the requests' spans and is not counted as the app's).
   */
  jiraMs = 0;
  private readonly recording = new Map<string, Recorded[]>();
  private cursor = new Map<string, number>();
  /** Requests the app made since the last `reset()`, in order. */
  seen: SeenRequest[] = [];
  /** Called on every answer handed to the app (the benchmark samples memory there). */
  onAnswer: () => void = () => undefined;

  constructor() {
    const g = globalThis as { __forge_fetch__?: ForgeFetch };
    if (!g.__forge_fetch__)
      throw new Error('installForgeRuntime (resolverCaller) must run before the tap is installed.');
    this.live = g.__forge_fetch__;
    g.__forge_fetch__ = (target, path, init) => this.fetch(target, path, init);
  }

  reset(mode: 'live' | 'timed' | 'record' | 'replay'): void {
    this.mode = mode;
    this.seen = [];
    this.jiraMs = 0;
    if (mode === 'record') this.recording.clear();
    this.cursor = new Map();
  }

  get recordedCount(): number {
    return [...this.recording.values()].reduce((sum, list) => sum + list.length, 0);
  }

  private async fetch(target: unknown, path: string, init?: RequestInit): Promise<Response> {
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = bodyText(init);
    const seen: SeenRequest = { method, path, kind: kindOf(method, path, body) };
    this.seen.push(seen);
    const key = `${method} ${path} ${body}`;
    if (this.mode === 'replay') {
      const index = this.cursor.get(key) ?? 0;
      const answer = this.recording.get(key)?.[index];
      if (!answer)
        throw new Error(
          `Replay has no recorded answer for ${method} ${path}: the call made a request the recorded one did not.`,
        );
      this.cursor.set(key, index + 1);
      this.onAnswer();
      return new Response(answer.status === 204 || answer.body === '' ? null : answer.body, {
        status: answer.status,
        headers: answer.headers,
      });
    }
    if (this.mode === 'timed') return this.timedFetch(seen, target, path, init);
    const response = await this.live(target, path, init);
    if (this.mode === 'live') {
      this.onAnswer();
      return response;
    }
    const text = await response.text();
    seen.objects = objectsIn(method, path, text);
    const recorded: Recorded = { status: response.status, headers: [...response.headers.entries()], body: text };
    this.recording.set(key, [...(this.recording.get(key) ?? []), recorded]);
    this.onAnswer();
    return new Response(response.status === 204 || text === '' ? null : text, {
      status: response.status,
      headers: recorded.headers,
    });
  }

  /** A live request whose whole answer (the body too) is read inside the time counted as Jira's. */
  private async timedFetch(seen: SeenRequest, target: unknown, path: string, init?: RequestInit): Promise<Response> {
    if (this.inFlight++ === 0) this.busySince = performance.now();
    let status: number;
    let headers: Array<[string, string]>;
    let bytes: ArrayBuffer;
    try {
      const response = await this.live(target, path, init);
      status = response.status;
      headers = [...response.headers.entries()];
      bytes = await response.arrayBuffer();
      // The tap's own counting (it decodes and parses the whole answer) is not the app's work:
      // timed with Jira's. The app gets the bytes, as from Forge's fetch, and decodes them itself.
      seen.objects = objectsIn(seen.method, path, new TextDecoder().decode(bytes));
    } finally {
      if (--this.inFlight === 0) this.jiraMs += performance.now() - this.busySince;
    }
    this.onAnswer();
    return new Response(status === 204 || bytes.byteLength === 0 ? null : bytes, { status, headers });
  }
}

export const countKinds = (seen: SeenRequest[]): Record<RequestKind, number> => {
  const counts: Record<RequestKind, number> = {
    storySearch: 0,
    taskSearch: 0,
    modelRead: 0,
    permissions: 0,
    sprint: 0,
    fields: 0,
    other: 0,
  };
  for (const s of seen) counts[s.kind]++;
  return counts;
};
