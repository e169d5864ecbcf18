import type { Faults } from './faults';
import type { LocalIssue } from './model';
import type { Store } from './store';

interface PendingWrite {
  seq: number;
  at: number;
  id: string;
  value: LocalIssue | undefined;
}

/**
 * What JQL search sees. Jira Cloud's search (`/rest/api/3/search/jql`) is served by an index
 * that follows writes with a delay, so a search right after a write may miss a created issue or
 * answer an edited one as it was; only ids named in `reconcileIssues` (at most 50) are read
 * fresh. https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/
 *
 * Here a write made through the REST API reaches the index once it is `searchLagMs` old or
 * once `searchLagWrites` later writes have happened, whichever is set and comes first (the
 * fault settings; 0 and 0: at once). Writes
 * made straight into the store outside a request (seeding, test set-up) are indexed at once.
 */
export class SearchIndex {
  private readonly indexed = new Map<string, LocalIssue>();
  private pending: PendingWrite[] = [];
  private seq = 0;
  private inRequest = false;

  constructor(
    private readonly store: Store,
    private readonly faults: Faults,
    private readonly now: () => number = Date.now,
  ) {
    for (const issue of store.all('issue')) this.indexed.set(String(issue.id), issue);
    store.onIssueWrite((id, value) => this.write(id, value));
  }

  /** Runs a request's handler: the writes it makes lag behind, when a lag is set. */
  during<T>(work: () => T): T {
    this.inRequest = true;
    try {
      return work();
    } finally {
      this.inRequest = false;
    }
  }

  /** The issues as the index has them, with the reconciled ids read fresh from the store. */
  issues(reconcile: ReadonlySet<string> = new Set()): LocalIssue[] {
    this.catchUp();
    const result = new Map(this.indexed);
    for (const id of reconcile) {
      const fresh = this.store.get('issue', id);
      if (fresh) result.set(id, fresh);
      else result.delete(id);
    }
    return [...result.values()];
  }

  /** Makes every write visible to search now (tests, and switching the lag off). */
  flush(): void {
    for (const write of this.pending) this.apply(write);
    this.pending = [];
  }

  private write(id: string, value: LocalIssue | undefined): void {
    const { searchLagMs, searchLagWrites } = this.faults.current();
    const write = { seq: ++this.seq, at: this.now(), id, value };
    if (!this.inRequest || (searchLagMs === 0 && searchLagWrites === 0)) {
      // In write order: a later write must not be overtaken by an older pending one.
      this.pending = this.pending.filter((p) => p.id !== id);
      this.apply(write);
      return;
    }
    this.pending.push(write);
  }

  private catchUp(): void {
    const { searchLagMs, searchLagWrites } = this.faults.current();
    if (searchLagMs === 0 && searchLagWrites === 0) return this.flush();
    const now = this.now();
    while (this.pending.length > 0) {
      const oldest = this.pending[0]!;
      const oldEnough = searchLagMs > 0 && now - oldest.at >= searchLagMs;
      const overtaken = searchLagWrites > 0 && this.seq - oldest.seq >= searchLagWrites;
      if (!oldEnough && !overtaken) break;
      this.apply(oldest);
      this.pending.shift();
    }
  }

  private apply(write: PendingWrite): void {
    if (write.value) this.indexed.set(write.id, write.value);
    else this.indexed.delete(write.id);
  }
}
