import type { FrameLocator, Page } from 'playwright-core';
import { demoSession, describeInBrowser, openPage, screenshot } from './support/browser';

const FRAME = 'iframe[title="Without (threat model)"]';
const WIDTHS = [1280, 900] as const;

interface NarrowCell {
  text: string;
  word: string;
  wordWidth: number;
  cellWidth: number;
}

/**
 * Every th and td of the tables in the app's frame whose content area is narrower than the longest
 * word it shows: measured in the page, each word of the cell's text set in a hidden span with the
 * cell's font, against the cell's clientWidth less its padding.
 */
async function narrowCells(page: Page): Promise<NarrowCell[]> {
  const frame = page.frame({ url: /\/forge\/resource\// });
  if (!frame) throw new Error('the app frame is not loaded');
  return frame.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;left:-10000px;top:0';
    document.body.appendChild(probe);
    const narrow: NarrowCell[] = [];
    for (const cell of Array.from(document.querySelectorAll<HTMLElement>('table th, table td'))) {
      if (cell.offsetParent === null) continue;
      const style = getComputedStyle(cell);
      const inner = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      // Each text node's words, measured in the font of the element that holds them.
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const holder = node.parentElement;
        if (!holder || holder.offsetParent === null) continue;
        const font = getComputedStyle(holder).font;
        for (const word of (node.textContent ?? '').split(/\s+/).filter(Boolean)) {
          probe.style.font = font;
          probe.textContent = word;
          const wordWidth = probe.getBoundingClientRect().width;
          if (wordWidth > inner + 0.5)
            narrow.push({ text: (cell.textContent ?? '').slice(0, 60), word, wordWidth, cellWidth: inner });
        }
      }
    }
    probe.remove();
    return narrow;
  });
}

/** The app frame document's horizontal overflow: scrollWidth beyond clientWidth. */
async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  const frame = page.frame({ url: /\/forge\/resource\// });
  if (!frame) throw new Error('the app frame is not loaded');
  return frame.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}

/** The project page's tabs whose label does not fit (atlaskit cuts it with an ellipsis). */
async function cutTabLabels(page: Page): Promise<string[]> {
  const frame = page.frame({ url: /\/forge\/resource\// });
  if (!frame) throw new Error('the app frame is not loaded');
  return frame.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[role="tab"]'))
      .filter((tab) => tab.scrollWidth > tab.clientWidth + 1)
      .map((tab) => tab.textContent ?? ''),
  );
}

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
