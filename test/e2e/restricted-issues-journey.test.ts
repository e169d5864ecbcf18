import { restAs } from '../support/local-site';
import { actAs, demoSession, describeInBrowser, openPage, screenshot } from './support/browser';

// A story under an issue security level (PAY's "Security team": alice is in it, bob is not). The
// audit the app stores is readable by everyone who browses the project, so it leaves the story out
// and says so on the Audit tab, at both widths Jira gives the app.

describeInBrowser('the audit and a story under a security level', () => {
  const session = demoSession();

  it('as bob, at 1280 and 900 px: the tab says one issue was left out and names none of it', async () => {
    const alice = restAs(session.app.site, 'alice');
    expect((await alice('PUT', '/rest/api/3/issue/PAY-14', { fields: { security: { id: '10100' } } })).status).toBe(
      204,
    );
    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.app.url}/projects/PAY/apps/project-page`);
    const app = page.frameLocator('iframe[title="Without (threat model)"]');
    await app.getByRole('tab', { name: 'Audit' }).click();
    await app.getByRole('button', { name: 'Run audit' }).click();
    await app.getByText(/^Last complete audit:/).waitFor({ timeout: 20_000 });

    await actAs(page, 'bob@example.com');
    for (const width of [1280, 900]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${session.app.url}/projects/PAY/apps/project-page`);
      await app.getByRole('tab', { name: 'Audit' }).click();
      const note = app.getByTestId('audit-restricted-left-out');
      await note.waitFor();
      expect(await note.textContent()).toMatch(
        /^1 issue has a security level and was left out: .* run npx without audit as yourself\.$/,
      );
      const table = app.getByRole('table', { name: 'Audit findings' });
      await table.getByTestId('finding-threat-without-mitigation:T-1').waitFor();
      expect(await table.locator('tr', { hasText: 'PAY-14' }).count()).toBe(0);
      await screenshot(page, `audit-restricted-left-out-${width}`);
    }
    await actAs(page, 'alice@example.com');
    expect(errors).toEqual([]);
    await page.close();
  });
});
