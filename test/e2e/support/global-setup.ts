import { chromium } from 'playwright-core';
import { CHROMIUM, ENDPOINTS_VARIABLE, FLAGS, hasChromium } from './chromium';

/** Where the global teardown finds the servers: setup and teardown share only the process's globals. */
export const SERVERS = Symbol.for('without.e2e.browserServers');

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
      chromium.launchServer({ executablePath: CHROMIUM, args: FLAGS }),
    ),
  );
  const servers = launched.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  (globalThis as Record<symbol, unknown>)[SERVERS] = servers;
  // Workers share the browsers that started; with none, each describe block launches its own and
  // the browser tests fail there, while the other projects still run.
  for (const result of launched)
    if (result.status === 'rejected') console.warn(`A shared Chromium did not start: ${String(result.reason)}`);
  if (servers.length > 0)
    process.env[ENDPOINTS_VARIABLE] = JSON.stringify(servers.map((server) => server.wsEndpoint()));
}
