import type { LocalUser } from './model';
import type { Store } from './store';

// What a route handler sees and returns. Handlers are synchronous on purpose: the whole
// read-modify-write of one request runs without yielding, so two concurrent clients can
// never interleave inside it and lose each other's writes.
export interface SiteRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  principal: LocalUser;
  store: Store;
  baseUrl: string;
  /** Product events the change caused; the Forge host delivers them to the app's triggers. */
  emit: (event: SiteEvent) => void;
}

export type SiteEvent =
  | {
      type: 'issue_created' | 'issue_updated' | 'issue_deleted';
      issueId: number;
      actorAccountId: string;
      changedFields: string[];
    }
  | { type: 'issuelink_created'; linkId: string; actorAccountId: string }
  | { type: 'sprint_started' | 'sprint_closed'; sprintId: number; actorAccountId: string };

export interface SiteResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (req: SiteRequest) => SiteResponse;

/** An error answered in Jira's error-collection shape. */
export class JiraError extends Error {
  constructor(
    readonly status: number,
    readonly errorMessages: string[],
    readonly errors: Record<string, string> = {},
  ) {
    super(errorMessages[0] ?? Object.values(errors)[0] ?? `HTTP ${status}`);
  }
}

export const errorBody = (messages: string[], errors: Record<string, string> = {}) => ({
  errorMessages: messages,
  errors,
});

export const json = (body: unknown, status = 200): SiteResponse => ({ status, body });
export const noContent = (): SiteResponse => ({ status: 204 });
export const created = (body: unknown): SiteResponse => ({ status: 201, body });
