import { chromium, type BrowserServer } from 'playwright-core';
import { CHROMIUM, ENDPOINTS_VARIABLE, FLAGS, hasChromium } from './chromium';

/** Where the global teardown finds the servers: setup and teardown share only the process's globals. */
export const SERVERS = Symbol.for('without.e2e.browserServers');

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * A stopped jest run takes its browsers with it, then stops as the signal says. (Playwright's own
 * handlers, turned off below, close the browsers on SIGTERM and SIGHUP but leave jest running.)
 */
async function killAndStop(signal: NodeJS.Signals): Promise<void> {
  const servers = ((globalThis as Record<symbol, unknown>)[SERVERS] ?? []) as BrowserServer[];
  await Promise.allSettled(servers.map((server) => server.kill()));
  process.kill(process.pid, signal);
}

export function stopWatchingSignals(): void {
  for (const signal of STOP_SIGNALS) process.off(signal, killAndStop);
}

/**
 * One Chromium per jest worker for the whole run, instead of one per describe block: connecting
 * takes half the time of a launch, and closing none. Each describe block still gets its own
 * connection and a new context for every page (test/e2e/support/browser.ts), so no cookie or
 * storage is shared. Jest starts its workers after this: they inherit the endpoints.
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  if (!hasChromium) return;
  const launched = await Promise.allSettled(
    Array.from({ length: Math.max(1, globalConfig.maxWorkers) }, () =>
      chromium.launchServer({
        executablePath: CHROMIUM,
        args: FLAGS,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      }),
    ),
  );
  const servers = launched.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  (globalThis as Record<symbol, unknown>)[SERVERS] = servers;
  for (const signal of STOP_SIGNALS) process.once(signal, killAndStop);
  // Workers share the browsers that started; with none, each describe block launches its own and
  // the browser tests fail there, while the other projects still run.
  for (const result of launched)
    if (result.status === 'rejected') console.warn(`A shared Chromium did not start: ${String(result.reason)}`);
  if (servers.length > 0)
    process.env[ENDPOINTS_VARIABLE] = JSON.stringify(servers.map((server) => server.wsEndpoint()));
}
