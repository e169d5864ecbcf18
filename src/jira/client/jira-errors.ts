// What went wrong talking to Jira, in terms the layers above can act on.
export type JiraErrorKind =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'INVALID_RESPONSE'
  | 'NETWORK';

export class JiraApiError extends Error {
  constructor(
    readonly kind: JiraErrorKind,
    message: string,
    readonly status?: number,
    /** Jira's own messages (errorMessages and per-field errors), for logs and tests. */
    readonly details: string[] = [],
    /** Jira's Retry-After, in ms, when it sent one: for a caller that sends again on its own terms (a lock's DELETE). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'JiraApiError';
  }
}

/** Jira busy or failing for now (429, 5xx, no answer): worth trying again later, unlike a refusal. */
export const isTransient = (error: unknown): boolean =>
  error instanceof JiraApiError &&
  (error.kind === 'RATE_LIMITED' || error.kind === 'UNAVAILABLE' || error.kind === 'NETWORK');

export const kindForStatus = (status: number): JiraErrorKind => {
  if (status === 400 || status === 413 || status === 422) return 'BAD_REQUEST';
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'RATE_LIMITED';
  return 'UNAVAILABLE';
};

/** Jira's error bodies: { errorMessages: string[], errors: { field: message } }. */
export function jiraMessages(body: string): string[] {
  try {
    const parsed = JSON.parse(body) as { errorMessages?: unknown; errors?: unknown };
    const messages = Array.isArray(parsed.errorMessages)
      ? parsed.errorMessages.filter((m): m is string => typeof m === 'string')
      : [];
    const fieldErrors =
      parsed.errors && typeof parsed.errors === 'object'
        ? Object.entries(parsed.errors as Record<string, unknown>).map(([field, m]) => `${field}: ${String(m)}`)
        : [];
    return [...messages, ...fieldErrors];
  } catch {
    return body ? [body.slice(0, 200)] : [];
  }
}
