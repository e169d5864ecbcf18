import type { FrameLocator, Page } from 'playwright-core';
import { demoSession, describeInBrowser, openPage, screenshot } from './support/browser';
import { cutTabLabels, horizontalOverflow, narrowCells } from './support/readable-widths';

const FRAME = 'iframe[title="Without (threat model)"]';
const WIDTHS = [1280, 900] as const;

/** Waits for the table, then for the layout to settle (the frame measures itself and may resize once). */
async function settle(page: Page, app: FrameLocator, name: string): Promise<void> {
  await app.getByRole('table', { name }).waitFor();
  await page.waitForTimeout(300);
}

describeInBrowser('the project page reads well from 900 px up', () => {
  const session = demoSession();

  for (const width of WIDTHS) {
    it(`at ${width}x800: the threat table and the audit fit the frame, and no cell is narrower than a word`, async () => {
      const { page, errors } = await openPage(session.browser);
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${session.app.url}/projects/PAY/apps/project-page`);
      const app = page.frameLocator(FRAME);

      await settle(page, app, 'Threats');
      await screenshot(page, `threat-table-${width}`);
      expect(await cutTabLabels(page)).toEqual([]);
      if (width <= 900) {
        const overflow = await horizontalOverflow(page);
        expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
      }
      expect(await narrowCells(page)).toEqual([]);

      await app.getByRole('tab', { name: 'Audit' }).click();
      await app.getByRole('button', { name: 'Run audit' }).click();
      await app.getByRole('table', { name: 'Audit findings' }).waitFor({ timeout: 20_000 });
      await settle(page, app, 'Audit findings');
      await screenshot(page, `audit-table-${width}`);
      if (width <= 900) {
        const overflow = await horizontalOverflow(page);
        expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
      }
      expect(await narrowCells(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
