import path from 'node:path';
import type { Page } from 'playwright-core';
import { describeInBrowser, demoSession, openPage, screenshot, SCREENSHOTS } from './support/browser';

// Issue 17: after the story panel saves clauses, the issue's own WITHOUT clauses field shows them
// without a reload (the panel asks Jira to refresh the issue view, view.refresh()); and on a
// mitigation task the panel, which Jira titles "WITHOUT clauses" on every issue, says what it shows.
/** The host sizes a frame to its content a moment after it renders: screenshots wait for it. */
const frameFitsContent = (page: Page, selector: string) =>
  page.waitForFunction((frameSelector) => {
    const frame = document.querySelector<HTMLIFrameElement>(frameSelector);
    const body = frame?.contentDocument?.body;
    return !!frame && !!body && Math.abs(frame.getBoundingClientRect().height - body.scrollHeight) <= 1;
  }, selector);

describeInBrowser('the issue view around the panel', () => {
  const session = demoSession();

  for (const width of [1280, 900]) {
    it(`at ${width} px: a clause added in the panel shows in the issue's field at once, without reloading the page`, async () => {
      const { page, errors } = await openPage(session.browser);
      await page.setViewportSize({ width, height: 800 });
      const key = width === 1280 ? 'PAY-1' : 'PAY-3';
      const text = width === 1280 ? 'my card being charged twice' : 'my password being reset by someone else';
      await page.goto(`${session.app.url}/browse/${key}`);
      const field = page.frameLocator('iframe[title="WITHOUT clauses (field)"]');
      const panel = page.frameLocator('iframe[title="WITHOUT clauses"]');
      await panel.getByRole('textbox', { name: 'New WITHOUT clause' }).waitFor();
      await field.getByText(/having my card data stolen|someone guessing my password/).waitFor();
      expect(await field.getByText(text).count()).toBe(0);
      // A page reload would lose this: the refresh must come without one.
      await page.evaluate(() => Object.assign(window, { notReloaded: true }));

      await panel.getByRole('textbox', { name: 'New WITHOUT clause' }).fill(text);
      await panel.getByRole('button', { name: 'Add', exact: true }).click();
      await panel.getByText(text).waitFor();
      await field.getByText(text).waitFor({ timeout: 10_000 });
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
      // The panel that asked kept its state: the field it typed into is empty and ready again.
      expect(await panel.getByRole('textbox', { name: 'New WITHOUT clause' }).inputValue()).toBe('');
      await frameFitsContent(page, 'iframe[title="WITHOUT clauses (field)"]');
      await screenshot(page, `issue-view-field-refreshed-${width}`);
      await page
        .locator('.issue-side')
        .screenshot({ path: path.join(SCREENSHOTS, `issue-view-field-refreshed-side-${width}.png`) });
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  for (const width of [1280, 900]) {
    it(`at ${width} px: on a mitigation task the panel is headed "Mitigation task" and says why it has no clauses`, async () => {
      const task = session.app.site.store.all('issue').find((i) => i.properties['without.task'])!;
      const { page, errors } = await openPage(session.browser);
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${session.app.url}/browse/${task.key}`);
      const panel = page.frameLocator('iframe[title="WITHOUT clauses"]');
      await panel.getByRole('heading', { name: 'Mitigation task', level: 2 }).waitFor();
      await panel.getByText(/has no WITHOUT clauses of its own/).waitFor();
      await panel.getByRole('heading', { name: /^This task carries mitigation M-\d+/ }).waitFor();
      await panel.getByRole('heading', { name: 'Stories it protects' }).waitFor();
      await frameFitsContent(page, 'iframe[title="WITHOUT clauses"]');
      await screenshot(page, `task-panel-heading-${width}`);
      await page
        .locator('section.app-panel')
        .first()
        .screenshot({ path: path.join(SCREENSHOTS, `task-panel-heading-close-${width}.png`) });
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
