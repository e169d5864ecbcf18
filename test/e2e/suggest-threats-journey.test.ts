import { existsSync, mkdirSync } from 'fs';
import path from 'path';
import type { FrameLocator, Page } from 'playwright-core';
import { SCREENSHOTS, actAs, describeInBrowser, demoSession, openPage, screenshot } from './support/browser';

const CARD_THREAT = 'Card data disclosed in transit or at rest';
const TMT = path.resolve(__dirname, '../../..', 'shared/threat-libraries/microsoft-tmt/default.tb7');
const TMT_NAME = 'SDL TM Knowledge Base (Core)';
const PANEL = 'iframe[title="WITHOUT clauses"]';

/** As alice: the Microsoft TMT template uploaded and active, and Full the project's list. */
async function uploadTmt(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/projects/PAY/settings/apps/project-settings`);
  const settings = page.frameLocator('iframe[title="Without for Jira"]');
  await settings.getByLabel('File').setInputFiles(TMT);
  await settings.getByRole('button', { name: 'Upload' }).click();
  await settings
    .getByRole('status')
    .getByText(/\(47 threats, 0 mitigations, 0 STRIDE questions\) and active\./)
    .waitFor();
  await settings.getByRole('radio', { name: /^Full/ }).check();
  await page.locator('#flags').getByText('Knowledge bases saved').first().waitFor();
}

/** The suggestions on screen, in order: test id, title and every line of text. */
async function shownSuggestions(panel: FrameLocator): Promise<Array<{ id: string; text: string }>> {
  const items = panel.getByRole('list', { name: 'Suggested threats' }).locator(':scope > div > li');
  return Promise.all(
    (await items.all()).map(async (item) => ({
      id: (await item.getAttribute('data-testid')) ?? '',
      text: await item.innerText(),
    })),
  );
}

/** Elements of the suggestions section that reach beyond the panel frame's width. */
async function suggestionsOverflow(page: Page): Promise<string[]> {
  const frame = await (await page.locator(PANEL).elementHandle())?.contentFrame();
  if (!frame) throw new Error('the panel frame is not loaded');
  return frame.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return Array.from(document.querySelectorAll('#suggested-threats, #suggested-threats *'))
      .filter((e) => e.getBoundingClientRect().right > width + 1)
      .map((e) => `${e.tagName} ${(e.textContent ?? '').slice(0, 60)}`);
  });
}

/** The top of the suggestions as a person sees it: scrolled to, the frame's width, one screen high. */
async function panelScreenshot(page: Page, name: string): Promise<void> {
  const section = page.frameLocator(PANEL).locator('#suggested-threats');
  await section.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -8));
  const box = await section.boundingBox(); // in the page's viewport, frames included
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error('the suggestions are not shown');
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${name}.png`),
    clip: { x: box.x, y: Math.max(0, box.y), width: box.width, height: viewport.height - Math.max(0, box.y) },
  });
}

describeInBrowser('a developer adds a suggested threat from the knowledge base', () => {
  const session = demoSession();

  it('as bob on PAY-1: TOP suggestions propose card-data disclosure; accepting links it with its mitigations proposed', async () => {
    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.app.url}/browse/PAY-1`);
    await actAs(page, 'bob@example.com');
    const panel = page.frameLocator('iframe[title="WITHOUT clauses"]');

    await panel.getByRole('button', { name: 'Suggest threats' }).click();
    const suggestions = panel.getByRole('list', { name: 'Suggested threats' });
    await suggestions.waitFor();
    await panel.getByRole('button', { name: 'TOP', pressed: true }).waitFor();
    const card = panel.getByTestId('suggestion-WEB-I-01');
    await card.getByText(CARD_THREAT, { exact: true }).waitFor();
    await card.getByText(/Why it matched: .*card/).waitFor();
    await card.getByText('Keep card data away from our systems with hosted payment fields and tokens').waitFor();
    await screenshot(page, 'suggest-threats-top');

    // "Link to" starts at the clause whose words the threat matched ("card data"), not the first for all.
    await card.getByText('WITHOUT having my card data stolen', { exact: true }).waitFor();
    await card.getByRole('button', { name: `Add and link: ${CARD_THREAT}` }).click();
    await card.getByText('Linked', { exact: true }).waitFor();
    await panel
      .getByRole('status')
      .getByText(`${CARD_THREAT} is linked to this story, with its mitigations proposed.`)
      .waitFor();

    // The clause now shows the new threat (T-13, High 15) and its mitigations, proposed.
    await panel.getByRole('img', { name: `T-13 High 15: ${CARD_THREAT}` }).waitFor();
    // Four mitigations would start folded; the threat just linked opens them for review.
    expect(await panel.getByRole('button', { name: 'Mitigations of T-13 (4)' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    const mitigations = panel.locator('[data-testid^="mitigation-T-13-"]');
    await mitigations.first().waitFor();
    expect(await mitigations.count()).toBe(4);
    for (const item of await mitigations.all())
      expect(await item.getByText('Proposed', { exact: true }).count()).toBe(1);
    await card.getByText('In the model as T-13').waitFor();
    await screenshot(page, 'suggest-threats-accepted');

    await page.reload();
    const again = page.frameLocator('iframe[title="WITHOUT clauses"]');
    await again.getByRole('img', { name: `T-13 High 15: ${CARD_THREAT}` }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('with the Microsoft TMT template on, as bob on PAY-1 at 1280x800 and 900 px: named, readable, ranked, paged, generic ones folded, "Link to" preselected', async () => {
    if (!existsSync(TMT)) {
      console.log(`suggest-threats journey: skipping the TMT suggestions, ${TMT} is missing`);
      return;
    }
    const { page, errors } = await openPage(session.browser);
    await uploadTmt(page, session.app.url);
    for (const width of [1280, 900]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${session.app.url}/browse/PAY-1`);
      if (width === 1280) await actAs(page, 'bob@example.com');
      const panel = page.frameLocator(PANEL);
      await panel.getByRole('button', { name: 'Suggest threats' }).click();
      await panel.getByRole('button', { name: 'Full', pressed: true }).waitFor();
      await panel.getByRole('list', { name: 'Suggested threats' }).waitFor();

      // Ranked: the exact match ("credit card", "card data" in the clause) first; ten at first.
      const first = await shownSuggestions(panel);
      expect(first).toHaveLength(10);
      expect(first[0]?.id).toBe('suggestion-WEB-I-01');
      expect(first[0]?.text).toContain('From Web applications and APIs');
      const card = panel.getByTestId('suggestion-WEB-I-01');
      await card.getByText('WITHOUT having my card data stolen', { exact: true }).waitFor();
      await panelScreenshot(page, `suggest-threats-ranked-${width}`);

      // More on request, then the generic ones (the TMT's "(v3)" catch-alls), last.
      await panel.getByRole('button', { name: /^Show more \(\d+ left\)$/ }).click();
      while ((await panel.getByRole('button', { name: /^Show more/ }).count()) > 0)
        await panel.getByRole('button', { name: /^Show more/ }).click();
      expect(await panel.getByTestId('suggestion-SU').count()).toBe(0);
      await panel.getByRole('button', { name: 'Show 6 generic suggestions' }).click();
      const all = await shownSuggestions(panel);
      expect(
        all
          .slice(-6)
          .map((s) => s.id)
          .sort(),
      ).toEqual(['DU', 'EU', 'IU', 'RU', 'SU', 'TU'].map((id) => `suggestion-${id}`));
      const tmt = all.filter((s) => s.text.includes(`From ${TMT_NAME}`));
      expect(tmt.length).toBeGreaterThan(6);
      // Every suggestion names its knowledge base; no placeholder reaches the page.
      expect(all.every((s) => /From (Web applications and APIs|SDL TM Knowledge Base \(Core\))/.test(s.text))).toBe(
        true,
      );
      expect(all.filter((s) => /[{}]/.test(s.text))).toEqual([]);
      await panel.getByTestId('suggestion-S2').getByText('Spoofing the Target Process', { exact: true }).waitFor();
      // A TMT threat matched no clause of the story ("service" is in its description): it asks.
      await panel.getByTestId('suggestion-S2').getByText('Choose a clause…').waitFor();

      // The list fits the panel: nothing of it wider than the frame at either width.
      expect(await suggestionsOverflow(page)).toEqual([]);
      await screenshot(page, `suggest-threats-all-${width}`);
      await panel.getByRole('button', { name: 'Hide generic suggestions' }).scrollIntoViewIfNeeded();
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, `suggest-threats-generic-${width}.png`) });
    }
    await actAs(page, 'alice@example.com');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('as carol: the suggestions are shown without the action to add them', async () => {
    const { page } = await openPage(session.browser);
    await page.goto(`${session.app.url}/browse/PAY-1`);
    await actAs(page, 'carol@example.com');
    const panel = page.frameLocator('iframe[title="WITHOUT clauses"]');
    await panel.getByRole('button', { name: 'Suggest threats' }).click();
    await panel.getByTestId('suggestion-WEB-I-01').getByText(CARD_THREAT, { exact: true }).waitFor();
    await panel.getByText(/Adding one takes permission/).waitFor();
    expect(await panel.getByRole('button', { name: /^(Add and link|Link T-)/ }).count()).toBe(0);
    await actAs(page, 'alice@example.com');
    await page.close();
  });
});
