import type { FrameLocator, Page } from 'playwright-core';
import { removeDemoTasks, seedBenchModel } from '../bench/bench-data';
import { demoSession, describeInBrowser, openPage, screenshot } from './support/browser';

const FRAME = 'iframe[title="Without (threat model)"]';
const THREATS = 1000;

/** Rows of threats rendered in the app's frame (an expanded row's details are not a threat row). */
async function renderedThreatRows(page: Page): Promise<{ rows: number; nodes: number }> {
  const frame = page.frame({ url: /\/forge\/resource\// });
  if (!frame) throw new Error('the app frame is not loaded');
  return frame.evaluate(() => ({
    rows: document.querySelectorAll('table[aria-label="Threats"] tbody tr:not([data-testid])').length,
    nodes: document.querySelectorAll('*').length,
  }));
}

const firstRowId = (app: FrameLocator) =>
  app.getByRole('table', { name: 'Threats' }).locator('tbody tr').first().locator('td').first().textContent();

describeInBrowser(`a threat model of ${THREATS} threats`, () => {
  const session = demoSession();

  beforeAll(async () => {
    removeDemoTasks(session.app.site);
    await seedBenchModel(
      session.app.site,
      { threats: THREATS, mitigations: 2 * THREATS, tasks: 100, retiredShare: 0, seed: 11 },
      [],
    );
  }, 120_000);

  for (const width of [1280, 900] as const) {
    it(`at ${width} px renders one page of rows, and pages, sorts and filters over all ${THREATS}`, async () => {
      const { page, errors } = await openPage(session.browser);
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${session.app.url}/projects/PAY/apps/project-page`);
      const app = page.frameLocator(FRAME);
      await app.getByRole('table', { name: 'Threats' }).waitFor({ timeout: 60_000 });

      const first = await renderedThreatRows(page);
      expect(first.rows).toBe(50);
      // A row is some 40 nodes: the whole model rendered would be over 40,000.
      expect(first.nodes).toBeLessThan(8_000);
      const pager = app.getByRole('navigation', { name: 'Pages of threats' });
      await expect(pager.getByTestId('pager-position').textContent()).resolves.toBe(
        `1–50 of 1,000 threats · page 1 of 20`,
      );
      await screenshot(page, `large-threat-model-${width}`);

      await pager.getByRole('button', { name: 'Next' }).click();
      await expect(firstRowId(app)).resolves.toBe('T-51');

      // Sorting covers every threat and starts again at the first page.
      await app.getByRole('button', { name: 'ID', exact: true }).click();
      await expect(firstRowId(app)).resolves.toBe(`T-${THREATS}`);
      await expect(pager.getByTestId('pager-position').textContent()).resolves.toMatch(/^1–50 of 1,000/);

      await app.getByLabel('Filter threats').fill('T-99');
      // T-99 and T-990 … T-999 match by id (the generated titles and components have no digits).
      const frame = page.frame({ url: /\/forge\/resource\// })!;
      await frame.waitForFunction(
        () => document.querySelectorAll('table[aria-label="Threats"] tbody tr:not([data-testid])').length === 11,
        undefined,
        { timeout: 10_000 },
      );
      await expect(app.getByRole('navigation', { name: 'Pages of threats' }).count()).resolves.toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
  }
});
