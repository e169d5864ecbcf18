// Fault injection for tests and demos: added latency, and a share of requests answered 429
// (with Retry-After) or 500. Draws come from a seeded generator so a test run is repeatable.
export interface FaultSettings {
  latencyMs: number;
  rate429: number;
  rate500: number;
  retryAfterSeconds: number;
  seed: number;
}

export const NO_FAULTS: FaultSettings = { latencyMs: 0, rate429: 0, rate500: 0, retryAfterSeconds: 1, seed: 1 };

export type FaultDecision = { kind: 'none' } | { kind: '429'; retryAfterSeconds: number } | { kind: '500' };

export class Faults {
  private settings: FaultSettings = { ...NO_FAULTS };
  private state = 1;

  configure(next: Partial<FaultSettings>): FaultSettings {
    this.settings = { ...this.settings, ...next };
    for (const rate of [this.settings.rate429, this.settings.rate500]) {
      if (!(rate >= 0 && rate <= 1)) throw new Error('Fault rates must be between 0 and 1');
    }
    this.state = this.settings.seed >>> 0 || 1;
    return this.current();
  }

  current(): FaultSettings {
    return { ...this.settings };
  }

  latencyMs(): number {
    return this.settings.latencyMs;
  }

  decide(): FaultDecision {
    const { rate429, rate500, retryAfterSeconds } = this.settings;
    if (rate429 === 0 && rate500 === 0) return { kind: 'none' };
    const draw = this.random();
    if (draw < rate429) return { kind: '429', retryAfterSeconds };
    if (draw < rate429 + rate500) return { kind: '500' };
    return { kind: 'none' };
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
