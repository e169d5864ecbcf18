import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const hasChromium = existsSync(CHROMIUM);

/**
 * The environment variable through which the global setup hands each jest worker its browser:
 * a JSON array of websocket endpoints, the one of worker N at index N - 1.
 */
export const ENDPOINTS_VARIABLE = 'E2E_BROWSER_ENDPOINTS';
