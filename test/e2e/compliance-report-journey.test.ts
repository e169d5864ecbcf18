import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Download, Page } from 'playwright-core';
import { demoSession, describeInBrowser, openPage, screenshot, SCREENSHOTS } from './support/browser';

const FRAME = 'iframe[title="Without (threat model)"]';
/** An A4 page (210 x 297 mm at 96 px per inch) less the report's print margins (12 and 14 mm). */
const A4_CONTENT = { width: Math.round(((210 - 24) / 25.4) * 96), height: Math.round(((297 - 28) / 25.4) * 96) };

async function downloaded(page: Page, start: () => Promise<void>): Promise<{ name: string; file: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), start()])) as [Download, void];
  // The browser runs apart from the test: the file is copied over.
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'without-report-')), download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), file };
}

async function openCompliance(page: Page, url: string) {
  await page.goto(`${url}/projects/PAY/apps/project-page`);
  const app = page.frameLocator(FRAME);
  await app.getByRole('tab', { name: 'Compliance' }).click();
  await app.getByTestId('compliance-summary').waitFor({ timeout: 20_000 });
  return app;
}

describeInBrowser('a security champion shows auditors the ASVS coverage and the threat-model report', () => {
  const session = demoSession();

  it('as alice: opens the Compliance view at level 2 and follows V6.3.1 to its mitigation’s task', async () => {
    const { page, errors } = await openPage(session.browser);
    const app = await openCompliance(page, session.app.url);
    // Level 2 of ASVS 5.0 is the default: 253 requirements, the demo's three mitigations with ASVS ids.
    expect(await app.getByTestId('compliance-summary').textContent()).toBe(
      '253 requirements of ASVS 5.0.0 apply at level 2: 2 implemented, 1 planned, 250 with no mitigation.',
    );
    expect(await app.getByTestId('compliance-clauses').textContent()).toMatch(/stories carry WITHOUT clauses/);
    expect(await app.getByTestId('asvs-attribution').textContent()).toMatch(/OWASP Foundation.*CC BY-SA 4\.0/);
    await app.getByRole('textbox', { name: 'Find' }).fill('V6.3.1');
    expect(await app.locator('tr[data-testid^="requirement-"]').count()).toBe(1);
    const row = app.getByTestId('requirement-V6.3.1');
    await row.waitFor();
    expect(await row.textContent()).toContain('M-2 Lock accounts after repeated failed logins');
    await screenshot(page, 'compliance-level-2');
    const [task] = await Promise.all([
      page.waitForEvent('popup'),
      row.getByRole('link', { name: /^Task PAY-\d+ of M-2$/ }).click(),
    ]);
    await task.waitForURL(/\/browse\/PAY-\d+$/);
    await task.getByText('Lock accounts after repeated failed logins (M-2)').first().waitFor();
    await task.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('as alice: downloads the report, whose printed first page shows the risk chart and the top threats', async () => {
    const { page, errors } = await openPage(session.browser);
    const app = await openCompliance(page, session.app.url);
    const html = await downloaded(page, () => app.getByRole('button', { name: 'Download HTML' }).click());
    expect(html.name).toMatch(/^PAY-threat-model-\d{4}-\d{2}-\d{2}\.html$/);
    const md = await downloaded(page, () => app.getByRole('button', { name: 'Download Markdown' }).click());
    expect(fs.readFileSync(md.file, 'utf8')).toMatch(/^# Threat model report\\: Payments \\\(PAY\\\)/);

    // The first printed page: A4's content box, print media, as Chromium lays it out to print.
    const printed = await session.browser.newPage({ viewport: A4_CONTENT });
    await printed.goto(`file://${html.file}`);
    await printed.emulateMedia({ media: 'print' });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await printed.screenshot({ path: path.join(SCREENSHOTS, 'report-first-page.png') });
    await printed.pdf({ path: path.join(SCREENSHOTS, 'report.pdf'), format: 'A4' });
    const chart = (await printed.locator('svg.risk-chart').boundingBox())!;
    const top = printed.locator('table.top-threats');
    const firstThreat = (await top.locator('tbody tr').first().boundingBox())!;
    expect(chart.height).toBeGreaterThan(100);
    expect(chart.y + chart.height).toBeLessThan(A4_CONTENT.height);
    expect(firstThreat.y + firstThreat.height).toBeLessThan(A4_CONTENT.height);
    // T-1 (Critical) has the highest residual risk of the demo: it leads the top threats.
    expect(await top.locator('tbody tr').first().textContent()).toMatch(/^T-1Card details skimmed/);
    await printed.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads at 900 px: the table fits the frame and no cell is narrower than a word it shows', async () => {
    const page = await session.browser.newPage({ viewport: { width: 900, height: 900 } });
    const app = await openCompliance(page, session.app.url);
    await app.getByTestId('requirement-V1.2.1').waitFor();
    await page.waitForTimeout(300); // the frame measures itself and may resize once
    const frame = page.frame({ url: /\/forge\/resource\// })!;
    const layout = await frame.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;left:-10000px';
      document.body.appendChild(probe);
      const narrow: string[] = [];
      const table = document.querySelector('table[aria-label^="ASVS"]')!;
      for (const cell of Array.from(table.querySelectorAll<HTMLElement>('th, td'))) {
        const style = getComputedStyle(cell);
        const inner = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        // Each word measured in the font of the element that holds it.
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          probe.style.font = getComputedStyle(node.parentElement!).font;
          for (const word of (node.textContent ?? '').split(/\s+/).filter(Boolean)) {
            probe.textContent = word;
            if (probe.getBoundingClientRect().width > inner + 0.5) narrow.push(word);
          }
        }
      }
      probe.remove();
      return {
        narrow,
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      };
    });
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
    expect(layout.narrow).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'compliance-900px.png') });
    await page.close();
  });
});
