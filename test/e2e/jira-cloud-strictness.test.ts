import { actAs, demoSession, describeInBrowser, openPage, screenshot } from './support/browser';

// The first visit of a developer and of a person who never allowed the app, against the
// stand-in at its strictest: panels show only once someone adds them to an issue, search lags
// writes, and carol has not yet allowed the app to act as her (Forge's "Allow access").

describeInBrowser('a first visit on Jira Cloud (strict stand-in)', () => {
  const session = demoSession({ issuePanels: 'after-add', withoutConsent: ['carol@example.com'] });

  // The panel, once added, stays on its issue: each width opens a story nobody added it to.
  for (const [width, issueKey, clause] of [
    [1280, 'PAY-1', 'having my card data stolen'],
    [900, 'PAY-2', 'anyone else being able to pay with my saved card'],
  ] as const) {
    it(`as alice at ${width} px: sees the story's clauses and risk on a ticket nobody added the panel to, then adds the panel to edit`, async () => {
      const { page, errors } = await openPage(session.browser);
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${session.app.url}/browse/${issueKey}`);
      const context = page.frameLocator('iframe[title="Without (security)"]');
      await context.getByText(clause).waitFor();
      await context.getByRole('list', { name: 'Risk left per threat' }).waitFor();
      expect(await page.locator('iframe[title="WITHOUT clauses"]').count()).toBe(0);
      await screenshot(page, `strict-issue-context-${width}`);

      await page.getByRole('button', { name: 'Add WITHOUT clauses' }).click();
      const panel = page.frameLocator('iframe[title="WITHOUT clauses"]');
      await panel.getByText(clause).waitFor();
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('as carol, who never allowed the app: is asked to allow access first, then sees the story', async () => {
    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.app.url}/browse/PAY-1`);
    await actAs(page, 'carol@example.com');
    const prompt = page.getByRole('region', { name: 'Allow access' }).first();
    await prompt.waitFor();
    expect(await prompt.textContent()).toContain('Without for Jira');
    await screenshot(page, 'strict-allow-access');
    await Promise.all([page.waitForEvent('load'), prompt.getByTestId('forge-allow-access').click()]);
    const context = page.frameLocator('iframe[title="Without (security)"]');
    await context.getByText('having my card data stolen').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
