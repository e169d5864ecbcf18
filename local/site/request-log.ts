// Every request the site answers, in order. Tests and benchmarks count Jira requests per view
// from here, which is deterministic where a stopwatch is not.
export interface LoggedRequest {
  seq: number;
  method: string;
  /** Path without the query string. */
  path: string;
  query: string;
  /** accountId of the caller, 'app' for asApp(), or 'anonymous'. */
  principal: string;
  status: number;
  fault?: '429' | '500';
  /** When the site began and finished answering (performance.now(), ms): requests whose spans overlap ran in parallel. */
  startedMs?: number;
  endedMs?: number;
}

const MAX_ENTRIES = 200_000;

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;

  add(entry: Omit<LoggedRequest, 'seq'>): void {
    this.entries.push({ ...entry, seq: ++this.seq });
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  /** Entries after a mark taken with `mark()`. */
  since(mark: number): LoggedRequest[] {
    return this.entries.filter((e) => e.seq > mark);
  }

  mark(): number {
    return this.seq;
  }

  clear(): void {
    this.entries = [];
  }
}
