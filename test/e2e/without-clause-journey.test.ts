import type { FrameLocator, Page } from 'playwright-core';
import { searchOnceIndexed } from './support/search-index';
import { actAs, describeInBrowser, demoSession, openPage, screenshot } from './support/browser';

const CLAUSE = 'having my card data stolen';
const NEW_THREAT = 'Card data disclosed in transit';

/** Chooses the n-th option of an @atlaskit select the way a keyboard user does. */
async function pick(page: Page, panel: FrameLocator, label: string, option: string): Promise<void> {
  await panel.getByLabel(label, { exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await panel.getByText(option, { exact: true }).click();
  await panel.getByText(option, { exact: true }).waitFor();
}

describeInBrowser('a developer adds a WITHOUT clause and links it to a new threat', () => {
  const session = demoSession();

  it('as bob: adds the clause, creates the threat inline, and both survive a reload; JQL finds the story', async () => {
    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.app.url}/browse/PAY-10`);
    await actAs(page, 'bob@example.com');
    const panel = page.frameLocator('iframe[title="WITHOUT clauses"]');

    await panel.getByLabel('New WITHOUT clause').fill(CLAUSE);
    await panel.getByLabel('New WITHOUT clause').press('Enter');
    await panel.getByText(CLAUSE).waitFor();

    await panel.getByRole('button', { name: `Link threat to clause “${CLAUSE}”` }).click();
    await panel.getByLabel(/Search threats to link to/).fill(NEW_THREAT);
    await panel.getByRole('button', { name: 'Create threat' }).click();
    await panel.getByLabel('I — Information disclosure').check();
    await pick(page, panel, 'Probability', '4 — Likely');
    await pick(page, panel, 'Impact', '5 — Severe');
    await panel.getByLabel('Component').fill('Checkout');
    await panel.getByRole('button', { name: 'Create and link' }).click();
    await panel.getByText('T-13 · Critical 20').waitFor();
    await screenshot(page, 'clause-linked-to-new-threat');

    await page.reload();
    const again = page.frameLocator('iframe[title="WITHOUT clauses"]');
    await again.getByText(CLAUSE).waitFor();
    await again.getByText('T-13 · Critical 20').waitFor();

    const jql = 'project = PAY AND "WITHOUT clauses".threat = "T-13"';
    // Jira Cloud's search shows a write after a while (the stand-in lags it too): JQL finds the
    // story once the index has it, with nothing else.
    const keys = await searchOnceIndexed(session.app.site, 'bob', jql, (found) => found.length > 0);
    expect(keys).toEqual(['PAY-10']);
    await page.goto(`${session.app.url}/issues/?jql=${encodeURIComponent(jql)}`);
    await page.getByRole('link', { name: 'PAY-10' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('as carol: the same panel is read only, and a direct resolver call to edit is refused with a clear error', async () => {
    const { page } = await openPage(session.browser);
    await page.goto(`${session.app.url}/browse/PAY-10`);
    await actAs(page, 'carol@example.com');
    const panel = page.frameLocator('iframe[title="WITHOUT clauses"]');
    await panel.getByText(CLAUSE).waitFor();
    await panel.getByText(/read only/i).waitFor();
    expect(await panel.getByLabel('New WITHOUT clause').count()).toBe(0);
    expect(await panel.getByRole('button', { name: /^(Edit|Delete|Link threat)/ }).count()).toBe(0);
    await screenshot(page, 'clause-read-only-for-carol');

    const answer = await page.evaluate(async () => {
      const response = await fetch('/forge/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          moduleKey: 'story-panel',
          functionKey: 'story/save-clauses',
          payload: { baseRevision: 1, clauses: [], directThreatIds: [] },
          context: {
            extension: { type: 'jira:issuePanel', issue: { id: '10009' }, project: { id: '10000', key: 'PAY' } },
          },
        }),
      });
      return response.json();
    });
    expect(answer).toEqual({
      ok: true,
      body: {
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: "You can't change this story's WITHOUT clauses: you don't have permission to edit it.",
        },
      },
    });
    await actAs(page, 'alice@example.com');
    await page.close();
  });
});
