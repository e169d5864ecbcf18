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

/** The app frame's height on the page, and the height of what it shows (its body, with margins). */
async function frameAndContent(page: Page): Promise<{ frame: number; content: number }> {
  const frame = (await page.locator(FRAME).boundingBox())!.height;
  const inner = page.frame({ url: /\/forge\/resource\// })!;
  const content = await inner.evaluate(() => {
    const style = getComputedStyle(document.body);
    return document.body.scrollHeight + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
  });
  return { frame, content };
}

/** Waits until the frame is as tall as its content again (the host resizes it a moment after a change). */
async function frameFits(page: Page): Promise<{ frame: number; content: number }> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const now = await frameAndContent(page);
    if (Math.abs(now.frame - Math.ceil(now.content)) <= 1 || Date.now() > deadline) return now;
    await page.waitForTimeout(100);
  }
}

describeInBrowser('the project page’s frame is as tall as the tab shown', () => {
  const session = demoSession();

  for (const width of WIDTHS) {
    it(`at ${width}x800: after a long tab, a short tab shrinks the frame to its own height`, async () => {
      const { page, errors } = await openPage(session.browser);
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${session.app.url}/projects/PAY/apps/project-page`);
      const app = page.frameLocator(FRAME);
      await settle(page, app, 'Threats');
      // Every tab visited once (they stay mounted, hidden), the audit with its findings last.
      for (const tab of ['Sprint planning', 'Monitoring', 'Verification', 'Compliance', 'Import / export'])
        await app.getByRole('tab', { name: tab }).click();
      await app.getByRole('tab', { name: 'Audit' }).click();
      await app.getByRole('button', { name: 'Run audit' }).click();
      await settle(page, app, 'Audit findings');
      const long = await frameFits(page);

      await app.getByRole('tab', { name: 'Import / export' }).click();
      await app
        .getByRole('tabpanel')
        .getByText(/import/i)
        .first()
        .waitFor();
      const short = await frameFits(page);
      await screenshot(page, `frame-after-short-tab-${width}`);
      // The frame follows the tab shown: far shorter than the audit, and no taller than its content.
      expect(short.frame).toBeLessThan(long.frame - 300);
      expect(Math.abs(short.frame - Math.ceil(short.content))).toBeLessThanOrEqual(1);
      const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(pageHeight).toBeLessThan(long.frame);

      // And back: the long tab makes it tall again.
      await app.getByRole('tab', { name: 'Audit' }).click();
      const again = await frameFits(page);
      expect(again.frame).toBeGreaterThan(short.frame + 300);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
