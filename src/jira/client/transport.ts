// How the client reaches Jira. Inside Forge it is requestJira (as the user or as the app);
// from the command line it is fetch with basic auth. Both take a path built with `route`.
export interface TransportResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface TransportRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: string;
  /** A POST that changes nothing (JQL search): safe to repeat after a 5xx. */
  readOnly?: boolean;
}

export interface JiraTransport {
  /** `path` is the value of a `route` template: already encoded, starting with /rest/. */
  send(path: string, request: TransportRequest): Promise<TransportResponse>;
  /**
   * Errors the platform must see as they are (Forge's NeedsAuthenticationError): the client
   * rethrows them untouched instead of reporting Jira as unreachable.
   */
  passThrough?(error: unknown): boolean;
}
