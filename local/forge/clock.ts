import { LOCAL_CLOCK_GLOBAL } from '../../src/app/common/clock';

// The local host's clock: the machine's, moved forward by however much a test or a demo asks
// (PUT /_local/clock). Forge has no such thing; it exists so "after the date" can be tried
// today. The app reads it through src/app/common/clock.ts, and only the app's time moves: the
// local Jira site, leases and time limits keep the machine's clock.

export interface HostClock {
  now(): number;
  /** Moves the clock so that it reads `iso` now (never backwards: a clock that goes back breaks leases of the app's own records). */
  setNow(iso: string): void;
  /** Back to the machine's clock. */
  reset(): void;
}

export function createHostClock(): HostClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    setNow(iso) {
      const target = Date.parse(iso);
      if (Number.isNaN(target)) throw new Error(`Not a time: ${iso}`);
      offset = Math.max(0, target - Date.now());
    },
    reset() {
      offset = 0;
    },
  };
}

/** Makes the app read this clock (see LOCAL_CLOCK_GLOBAL). */
export function installHostClock(clock: HostClock): void {
  (globalThis as Record<string, unknown>)[LOCAL_CLOCK_GLOBAL] = clock.now;
}
