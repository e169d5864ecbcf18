import type { z } from 'zod';
import { JiraApiError, jiraMessages, kindForStatus } from './jira-errors';
import type { JiraTransport, TransportRequest, TransportResponse } from './transport';

export interface RetryPolicy {
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /** Retries allowed across the client's whole life (one resolver call, one CLI run). */
  totalRetryBudget: number;
  /** Longest single wait; a longer Retry-After fails fast instead of blowing the 25 s limit. */
  maxWaitMs: number;
  /** Wait when Jira gives no Retry-After (doubled per attempt). */
  baseDelayMs: number;
  /** All waits of the client together; past it, fail rather than run into the 25 s limit. */
  maxTotalWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 8,
  totalRetryBudget: 30,
  maxWaitMs: 10_000,
  baseDelayMs: 250,
  maxTotalWaitMs: 15_000,
};

export interface ClientStats {
  requests: number;
  retries: number;
  waitedMs: number;
}

export interface JiraClientOptions {
  retry?: Partial<RetryPolicy>;
  /**
   * Which Jira site (Forge installation) this client talks to, for caches that outlive one
   * call: a warm Forge process serves several installations, so site data is keyed by it.
   */
  tenant?: string;
  /** The clock, injectable so tests can check waits without spending them. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// 429 and 503 are Jira asking us to come back later; any method may retry them. Other 5xx
// are retried only where repeating the request cannot do the work twice.
const retryable = (status: number, request: TransportRequest) =>
  status === 429 || status === 503 || (status >= 500 && (request.method !== 'POST' || request.readOnly === true));

/**
 * The one way this app talks to Jira: every response is checked against a zod schema, so a
 * caller either gets a typed value or a JiraApiError, never an unchecked `any`.
 */
export class JiraClient {
  readonly stats: ClientStats = { requests: 0, retries: 0, waitedMs: 0 };
  /** The site this client reaches, when known (see JiraClientOptions.tenant). */
  readonly tenant: string | undefined;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly transport: JiraTransport,
    options: JiraClientOptions = {},
  ) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.sleep = options.sleep ?? realSleep;
    this.tenant = options.tenant;
  }

  /**
   * The same transport with no retries of its own: for loops that retry on their own terms (a
   * lease polling its lock), so they never spend the retry budget the real work needs.
   */
  withoutRetries(): JiraClient {
    return new JiraClient(this.transport, {
      retry: { maxAttempts: 1 },
      sleep: this.sleep,
      ...(this.tenant !== undefined ? { tenant: this.tenant } : {}),
    });
  }

  get<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
    return this.call(path, { method: 'GET' }, schema);
  }

  /** `readOnly` marks a POST that only reads (a JQL search), so a 5xx may be retried. */
  post<S extends z.ZodType>(
    path: string,
    body: unknown,
    schema: S,
    options: { readOnly?: boolean } = {},
  ): Promise<z.infer<S>> {
    return this.call(
      path,
      { method: 'POST', body: JSON.stringify(body), ...(options.readOnly ? { readOnly: true } : {}) },
      schema,
    );
  }

  put<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.infer<S>> {
    return this.call(path, { method: 'PUT', body: JSON.stringify(body) }, schema);
  }

  async delete(path: string): Promise<void> {
    await this.call(path, { method: 'DELETE' }, undefined);
  }

  /** A PUT whose answer matters only by its status: 201 created, 200 replaced. */
  async putForStatus(path: string, body: unknown): Promise<number> {
    const response = await this.withRetries(path, { method: 'PUT', body: JSON.stringify(body) });
    const text = await response.text();
    if (response.status >= 400) {
      const details = jiraMessages(text);
      throw new JiraApiError(
        kindForStatus(response.status),
        describe(response.status, details),
        response.status,
        details,
        retryAfterMs(response),
      );
    }
    return response.status;
  }

  /** For writes whose answer carries nothing the caller needs (204, or an empty object). */
  async send(path: string, request: TransportRequest): Promise<void> {
    await this.call(path, request, undefined);
  }

  private async call<S extends z.ZodType>(
    path: string,
    request: TransportRequest,
    schema: S | undefined,
  ): Promise<z.infer<S>> {
    const response = await this.withRetries(path, request);
    const text = await response.text();
    if (response.status >= 400) {
      const details = jiraMessages(text);
      throw new JiraApiError(
        kindForStatus(response.status),
        describe(response.status, details),
        response.status,
        details,
        retryAfterMs(response),
      );
    }
    if (!schema) return undefined as z.infer<S>;
    return parseBody(text, schema, `${request.method} ${path.split('?')[0]}`);
  }

  private async withRetries(path: string, request: TransportRequest): Promise<TransportResponse> {
    for (let attempt = 1; ; attempt++) {
      const response = await this.once(path, request);
      if (!retryable(response.status, request)) return response;
      const wait = this.waitBefore(response, attempt);
      if (wait === undefined) return response;
      this.stats.retries++;
      this.stats.waitedMs += wait;
      await this.sleep(wait);
    }
  }

  /** How long to wait before trying again, or undefined when the budget says stop. */
  private waitBefore(response: TransportResponse, attempt: number): number | undefined {
    if (attempt >= this.retry.maxAttempts || this.stats.retries >= this.retry.totalRetryBudget) return undefined;
    // Jira's own Retry-After is obeyed (and one too long fails fast below); our own backoff
    // doubles up to the longest single wait instead of giving up there.
    const wait = retryAfterMs(response) ?? Math.min(this.retry.baseDelayMs * 2 ** (attempt - 1), this.retry.maxWaitMs);
    const withinBudget = wait <= this.retry.maxWaitMs && this.stats.waitedMs + wait <= this.retry.maxTotalWaitMs;
    return withinBudget ? wait : undefined;
  }

  private async once(path: string, request: TransportRequest): Promise<TransportResponse> {
    this.stats.requests++;
    try {
      return await this.transport.send(path, request);
    } catch (error) {
      if (this.transport.passThrough?.(error)) throw error;
      throw new JiraApiError(
        'NETWORK',
        `Jira could not be reached: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

/** Jira's Retry-After (seconds) in ms, when the answer carries a usable one. */
function retryAfterMs(response: TransportResponse): number | undefined {
  const header = response.headers.get('retry-after');
  const seconds = Number(header);
  return header !== null && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

function parseBody<S extends z.ZodType>(text: string, schema: S, what: string): z.infer<S> {
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new JiraApiError('INVALID_RESPONSE', `Jira answered ${what} with something that is not JSON.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new JiraApiError(
      'INVALID_RESPONSE',
      `Jira's answer to ${what} was not in the expected shape (${issue?.path.join('.') || 'root'}: ${issue?.message}).`,
    );
  }
  return parsed.data;
}

const describe = (status: number, details: string[]): string => {
  const detail = details[0] ? `: ${details[0]}` : '';
  return `Jira answered ${status}${detail}`;
};
