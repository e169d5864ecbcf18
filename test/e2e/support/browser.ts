import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startLocalApp, type LocalApp, type LocalAppOptions } from '../../../local/local-app';
import { STRICT_SEARCH } from '../../../local/site/faults';
import { CHROMIUM, ENDPOINTS_VARIABLE, FLAGS, hasChromium } from './chromium';

export { CHROMIUM, hasChromium };
export const SCREENSHOTS = path.resolve(__dirname, '../../../test-results/e2e');

/** Where Chromium is missing (a user's machine), browser tests are skipped with one line. CI installs it. */
if (!hasChromium)
  console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`);
export const describeInBrowser = hasChromium ? describe : describe.skip;

/** The Chromium the global setup launched for this jest worker (test/e2e/support/global-setup.ts), if any. */
function workerEndpoint(): string | undefined {
  const endpoints = JSON.parse(process.env[ENDPOINTS_VARIABLE] ?? '[]') as string[];
  if (endpoints.length === 0) return undefined;
  const worker = Number(process.env.JEST_WORKER_ID ?? '1');
  return endpoints[(worker - 1) % endpoints.length];
}

const launchOwn = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: FLAGS });

/**
 * A connection to this worker's Chromium; closing it closes the contexts opened through it and
 * leaves the browser to the next test file. Without the global setup, or if that Chromium has
 * gone, a Chromium of its own, so one crash does not fail the worker's later files.
 */
export async function openBrowser(): Promise<Browser> {
  const endpoint = workerEndpoint();
  if (!endpoint) return launchOwn();
  try {
    return await chromium.connect(endpoint, { timeout: 30_000 });
  } catch (error) {
    console.warn(`This worker's shared Chromium did not answer, launching one: ${String(error)}`);
    return launchOwn();
  }
}

/** A page, in a context of its own, whose uncaught errors fail the test instead of passing unseen. */
export async function openPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // Animations fast-forwarded to their end: a dialog caught mid fade-in looks half transparent.
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

export async function actAs(page: Page, email: string): Promise<void> {
  const switcher = page.getByLabel('Acting user');
  const value = await switcher.locator('option', { hasText: email }).getAttribute('value');
  await Promise.all([page.waitForEvent('load'), switcher.selectOption(value ?? '')]);
}

export interface DemoSession {
  readonly app: LocalApp;
  readonly browser: Browser;
}

/**
 * A fresh local app with the demo and a browser for the tests of one describe block, both
 * closed after it (the browser: this block's connection and contexts). Every journey starts
 * from the same demo, whatever ran before, on a stand-in as strict as Jira Cloud where the app
 * depends on it: search lags writes (unless the app names the issues in reconcileIssues) and
 * pages come back shorter than asked (STRICT_SEARCH); screens and the field's schema are
 * always enforced; the limits of Forge always apply.
 */
export function demoSession(options: Partial<LocalAppOptions> = {}): DemoSession {
  let app: LocalApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startLocalApp({ dataFile: ':memory:', seed: 'demo', faults: STRICT_SEARCH, ...options });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  return {
    get app() {
      if (!app) throw new Error('The local app is not started yet');
      return app;
    },
    get browser() {
      if (!browser) throw new Error('The browser is not launched yet');
      return browser;
    },
  };
}
