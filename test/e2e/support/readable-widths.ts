import type { Frame, Page } from 'playwright-core';

export interface NarrowCell {
  text: string;
  word: string;
  wordWidth: number;
  cellWidth: number;
}

/**
 * The frame of the app's Custom UI titled `title` (the project page, the story panel, a modal...),
 * or without a title the first of the app's frames on the page.
 */
async function appFrame(page: Page, title?: string): Promise<Frame> {
  const frame = title
    ? await (await page.$(`iframe[title="${title}"]`))?.contentFrame()
    : page.frame({ url: /\/forge\/resource\// });
  if (!frame) throw new Error(`the app frame ${title ?? ''} is not loaded`);
  return frame;
}

/**
 * Every th and td of the tables in the app's frame whose content area is narrower than the longest
 * word it shows: measured in the page, each word of the cell's text set in a hidden span with the
 * cell's font, against the cell's clientWidth less its padding.
 */
export async function narrowCells(page: Page, title?: string): Promise<NarrowCell[]> {
  return (await appFrame(page, title)).evaluate(() => {
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
export async function horizontalOverflow(
  page: Page,
  title?: string,
): Promise<{ scrollWidth: number; clientWidth: number }> {
  return (await appFrame(page, title)).evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}

/** The project page's tabs whose label does not fit (atlaskit cuts it with an ellipsis). */
export async function cutTabLabels(page: Page): Promise<string[]> {
  return (await appFrame(page)).evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[role="tab"]'))
      .filter((tab) => tab.scrollWidth > tab.clientWidth + 1)
      .map((tab) => tab.textContent ?? ''),
  );
}
