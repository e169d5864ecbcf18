import { actAs, describeInBrowser, demoSession, openPage, screenshot } from './support/browser';

describeInBrowser('the story panel in the issue view (local Jira, real Custom UI bundle)', () => {
  const session = demoSession();

  it('shows the story’s WITHOUT clauses, read through the resolver from the local site', async () => {
    const { page, errors } = await openPage(session.browser);
    const mark = session.app.site.log.mark();
    await page.goto(`${session.app.url}/browse/PAY-1`);
    const panel = page.frameLocator('iframe[title="WITHOUT clauses"]');
    await panel.getByText('having my card data stolen').waitFor();
    await expectVisible(panel.getByText('T-1 · Critical 20'));
    await screenshot(page, 'story-panel-pay-1');

    // The data came through the real resolver, as the acting user, from the local site.
    const appRequests = session.app.site.log
      .since(mark)
      .filter((r) => r.principal === '712020:alice' && r.path.startsWith('/rest/api/3/'));
    expect(appRequests.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['GET /rest/api/3/field', 'GET /rest/api/3/issue/10000', 'GET /rest/api/3/mypermissions']),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the empty state on a story without clauses', async () => {
    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.app.url}/browse/PAY-5`);
    const panel = page.frameLocator('iframe[title="WITHOUT clauses"]');
    await panel.getByText('No WITHOUT clauses yet').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('tells carol, who may only browse, that the panel is read only', async () => {
    const { page } = await openPage(session.browser);
    await page.goto(`${session.app.url}/browse/PAY-1`);
    await actAs(page, 'carol@example.com');
    const panel = page.frameLocator('iframe[title="WITHOUT clauses"]');
    await panel.getByText('having my card data stolen').waitFor();
    await expectVisible(panel.getByText(/read only/i));
    await screenshot(page, 'story-panel-carol');
    await actAs(page, 'alice@example.com');
    await page.close();
  });
});

async function expectVisible(locator: {
  waitFor(options: { state: 'visible'; timeout: number }): Promise<void>;
}): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 10_000 });
}
