import { chromium, type BrowserServer } from 'playwright-core';
import { CHROMIUM, ENDPOINTS_VARIABLE, FLAGS, hasChromium } from './chromium';

/** Where the global teardown finds the servers: setup and teardown share only the process's globals. */
export const SERVERS = Symbol.for('without.e2e.browserServers');

/**
 * One Chromium per jest worker for the whole run, instead of one per describe block: launching
 * one costs about a second of the 2 cores. Each describe block still gets its own connection and
 * a new context for every page (test/e2e/support/browser.ts), so no cookie or storage is shared.
 * Jest starts its workers after this, so they inherit the endpoints through the environment.
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  if (!hasChromium) return;
  const servers: BrowserServer[] = await Promise.all(
    Array.from({ length: Math.max(1, globalConfig.maxWorkers) }, () =>
      chromium.launchServer({ executablePath: CHROMIUM, args: FLAGS }),
    ),
  );
  (globalThis as Record<symbol, unknown>)[SERVERS] = servers;
  process.env[ENDPOINTS_VARIABLE] = JSON.stringify(servers.map((server) => server.wsEndpoint()));
}
