/**
 * The reads one resolver call shares: a resource several steps need (the threat model, the
 * person's permissions, whether they may edit the model) is read once and its answer reused.
 * It lives with the clients of one call (see JiraClients) and never longer, so nothing read for
 * one person or site reaches another call.
 */
export class CallMemo {
  private readonly reads = new Map<string, Promise<unknown>>();

  /** The answer of `read` under `key`, read at most once for this call (a failed read is tried again). */
  once<T>(key: string, read: () => Promise<T>): Promise<T> {
    const known = this.reads.get(key);
    if (known) return known as Promise<T>;
    const reading = read();
    this.reads.set(key, reading);
    // A read started early may fail before anyone awaits it: the awaiting step gets the error.
    reading.catch(() => this.reads.get(key) === reading && this.reads.delete(key));
    return reading;
  }

  /** What this call has just written, so later steps read it instead of asking Jira again. */
  remember<T>(key: string, value: T): void {
    this.reads.set(key, Promise.resolve(value));
  }
}
