// Fault injection for tests and demos: added latency, a share of requests answered 429 (with
// or without Retry-After, alone or in bursts) or 500, search pages shorter than asked, and a
// search index that lags behind writes. Draws come from a seeded generator so a test run is
// repeatable.
export interface FaultSettings {
  latencyMs: number;
  rate429: number;
  rate500: number;
  retryAfterSeconds: number;
  seed: number;
  /**
   * A drawn 429 is followed by this many more, one per request, as Jira's rate limiter answers
   * a client that keeps calling within the same window (1: a 429 comes alone).
   * https://developer.atlassian.com/cloud/jira/platform/rate-limiting/
   */
  burst429: number;
  /** Share of 429 answers that carry no Retry-After header (Jira does not promise one). */
  rate429WithoutRetryAfter: number;
  /**
   * Share of JQL search pages that hold fewer issues than maxResults asked while more follow:
   * Jira "may return fewer items per page" (search/jql, maxResults), so only the absence of
   * nextPageToken ends a search.
   */
  shortPageRate: number;
  /**
   * Search reflects a write once it is this many milliseconds old (0: not by age). JQL search on Jira
   * Cloud is not read-after-write consistent unless the issue id is in `reconcileIssues`.
   * https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/
   */
  searchLagMs: number;
  /** …or once this many later issue writes happened (0: not by count); both 0: at once. */
  searchLagWrites: number;
}

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  rate429: 0,
  rate500: 0,
  retryAfterSeconds: 1,
  seed: 1,
  burst429: 1,
  rate429WithoutRetryAfter: 0,
  shortPageRate: 0,
  searchLagMs: 0,
  searchLagWrites: 0,
};

/**
 * What the e2e and test sites turn on to be as strict as Jira Cloud about search: a lagging
 * index (the app must pass reconcileIssues or read by id after its own writes) and short pages.
 */
export const STRICT_SEARCH: Partial<FaultSettings> = { searchLagMs: 1_500, shortPageRate: 0.3 };

export type FaultDecision = { kind: 'none' } | { kind: '429'; retryAfterSeconds: number | undefined } | { kind: '500' };

export class Faults {
  private settings: FaultSettings = { ...NO_FAULTS };
  private state = 1;
  private burstLeft = 0;

  configure(next: Partial<FaultSettings>): FaultSettings {
    this.settings = { ...this.settings, ...next };
    const { rate429, rate500, rate429WithoutRetryAfter, shortPageRate } = this.settings;
    for (const rate of [rate429, rate500, rate429WithoutRetryAfter, shortPageRate]) {
      if (!(rate >= 0 && rate <= 1)) throw new Error('Fault rates must be between 0 and 1');
    }
    for (const count of [this.settings.burst429, this.settings.searchLagMs, this.settings.searchLagWrites]) {
      if (!(Number.isInteger(count) && count >= 0)) throw new Error('Burst lengths and lags must be whole numbers');
    }
    this.state = this.settings.seed >>> 0 || 1;
    this.burstLeft = 0;
    return this.current();
  }

  current(): FaultSettings {
    return { ...this.settings };
  }

  latencyMs(): number {
    return this.settings.latencyMs;
  }

  decide(): FaultDecision {
    const { rate429, rate500 } = this.settings;
    if (this.burstLeft > 0) {
      this.burstLeft--;
      return this.tooMany();
    }
    if (rate429 === 0 && rate500 === 0) return { kind: 'none' };
    const draw = this.random();
    if (draw < rate429) {
      this.burstLeft = Math.max(0, this.settings.burst429 - 1);
      return this.tooMany();
    }
    if (draw < rate429 + rate500) return { kind: '500' };
    return { kind: 'none' };
  }

  /** How many issues a search page holds when maxResults asked for `pageSize` (at least one). */
  pageSize(pageSize: number): number {
    if (this.settings.shortPageRate === 0 || pageSize <= 1) return pageSize;
    if (this.random() >= this.settings.shortPageRate) return pageSize;
    return 1 + Math.floor(this.random() * (pageSize - 1));
  }

  private tooMany(): FaultDecision {
    const omit = this.settings.rate429WithoutRetryAfter > 0 && this.random() < this.settings.rate429WithoutRetryAfter;
    return { kind: '429', retryAfterSeconds: omit ? undefined : this.settings.retryAfterSeconds };
  }

  // mulberry32: tiny, fast, good enough for spreading faults evenly.
  private random(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
