// The time the app's use cases act at: when a risk acceptance is given and whether it has run
// out, when an audit runs, the day of a risk point. On Forge (and in the CLI) it is the
// machine's clock. The local Forge host (local/forge/clock.ts) can move its own clock forward,
// so a test sees what happens after a date without waiting for it; it installs that clock as a
// runtime global, which Forge never sets and no request or payload can reach. The browser's
// time is never used: what the frontend sends is input.

/** The global the local Forge host sets to its clock (epoch milliseconds); absent on Forge. */
export const LOCAL_CLOCK_GLOBAL = '__without_local_clock__';

/** Now, in epoch milliseconds. */
export function nowMs(): number {
  const local = (globalThis as Record<string, unknown>)[LOCAL_CLOCK_GLOBAL];
  return typeof local === 'function' ? Number((local as () => number)()) : Date.now();
}

/** Now, as an ISO timestamp. */
export const nowIso = (): string => new Date(nowMs()).toISOString();
