import { restAs } from '../support/local-site';
import { describeInBrowser, demoSession, openPage, screenshot } from './support/browser';

const TITLE = 'Enforce TLS 1.2+ with HSTS';

/** "23 Nov 2026", as the chart names its days. */
const chartDay = (date: Date) =>
  date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

describeInBrowser('a mitigation becomes a task, and its status flows back as residual risk', () => {
  const session = demoSession();

  it('as alice: adds "Enforce TLS 1.2+ with HSTS" to the Critical threat, creates its task, and sees the risk fall when the task is done', async () => {
    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.app.url}/browse/PAY-1`);
    const panel = page.frameLocator('iframe[title="WITHOUT clauses"]');
    await panel.getByText('Residual 20 of 20').first().waitFor();

    await panel.getByRole('button', { name: 'Add mitigation to T-1' }).first().click();
    await panel.getByLabel('Title').fill(TITLE);
    await panel
      .getByLabel('What to implement')
      .fill('Serve checkout only over TLS 1.2+ and send Strict-Transport-Security with a one-year max-age.');
    await panel.getByLabel('How to verify').fill('An SSL Labs scan grades A; plain HTTP redirects to HTTPS.');
    // An @atlaskit select: open it from the keyboard, then choose the option.
    await panel.getByLabel('Strength against T-1').focus();
    await page.keyboard.press('ArrowDown');
    await panel.getByRole('option', { name: 'strong (75%)' }).click();
    await panel.getByText('strong (75%)', { exact: true }).waitFor();
    await panel.getByRole('button', { name: 'Add mitigation', exact: true }).click();
    await panel.getByText(TITLE).first().waitFor();

    await panel.getByRole('button', { name: 'Create task for M-6' }).first().click();
    await panel
      .getByRole('link', { name: /PAY-23/ })
      .first()
      .waitFor();
    await screenshot(page, 'mitigation-task-created');

    // The task is real backlog work in PAY: its property, its description, its link to the story.
    const alice = restAs(session.app.site, 'alice');
    const task = await alice(
      'GET',
      '/rest/api/3/issue/PAY-23?fields=summary,issuelinks,description,status&properties=without.task',
    );
    expect(task.body?.properties).toEqual({
      'without.task': {
        v: 1,
        mitigationId: 'M-6',
        threatIds: ['T-1'],
        projectKey: 'PAY',
        claim: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
    });
    const fields = task.body?.fields as {
      summary: string;
      description: unknown;
      issuelinks: Array<{ type: { name: string }; outwardIssue?: { key: string } }>;
    };
    expect(fields.summary).toBe(`${TITLE} (M-6)`);
    expect(fields.issuelinks.map((l) => `${l.type.name} ${l.outwardIssue?.key}`)).toContain('Mitigates PAY-1');
    expect(JSON.stringify(fields.description)).toContain('SSL Labs');
    const historyBefore = (await alice('GET', '/rest/api/3/project/PAY/properties/without.risk-history')).body
      ?.value as { points: unknown[] };

    // Someone moves the task to Done, in another tab of the local site.
    const { page: other } = await openPage(session.browser);
    await other.goto(`${session.app.url}/browse/PAY-23`);
    const done = other.waitForResponse((r) => r.url().endsWith('/forge/fetch-product'));
    await other.locator('#issue-status').selectOption({ label: 'Done' });
    await done;
    await other.close();
    await session.app.host.idle();

    // Back on the story, nobody reloads: the panel refreshes by itself (on focus, or every 15 s).
    // The focus goes to the panel's own window, where it listens, not the page around its frame.
    await page.bringToFront();
    await panel.locator('body').evaluate(() => window.dispatchEvent(new Event('focus')));
    await panel.getByText('Residual 5 of 20').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'mitigation-task-done-risk-lower');
    expect(errors).toEqual([]);

    // The project's risk chart has a new point: today's.
    const historyAfter = (await alice('GET', '/rest/api/3/project/PAY/properties/without.risk-history')).body
      ?.value as { points: Array<{ date: string }> };
    expect(historyAfter.points.length).toBe(historyBefore.points.length + 1);
    await page.goto(`${session.app.url}/projects/PAY/apps/project-page`);
    const projectPage = page.frameLocator('iframe[title="Without (threat model)"]');
    await projectPage.getByLabel(new RegExp(`^${chartDay(new Date())}: risk now`)).waitFor({ state: 'attached' });
    await screenshot(page, 'project-risk-chart');
    await page.close();
  });
});
