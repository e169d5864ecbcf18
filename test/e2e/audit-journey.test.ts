import { restAs } from '../support/local-site';
import { actAs, demoSession, describeInBrowser, openPage, screenshot } from './support/browser';

describeInBrowser('a security champion audits the project and fixes a finding in place', () => {
  const session = demoSession();

  it('as alice: runs the audit, sees the seeded gaps, links a threat to PAY-4’s clause and the finding disappears', async () => {
    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.app.url}/projects/PAY/apps/project-page`);
    const app = page.frameLocator('iframe[title="Without (threat model)"]');
    await app.getByRole('tab', { name: 'Audit' }).click();
    await app.getByText('This project has not been audited yet.').waitFor();
    await app.getByRole('button', { name: 'Run audit' }).click();
    await app.getByText(/^Last complete audit:/).waitFor({ timeout: 20_000 });

    // The demo's gaps: T-1 (Critical) has no mitigation; PAY-4's clause names no threat.
    const table = app.getByRole('table', { name: 'Audit findings' });
    await table.getByTestId('finding-threat-without-mitigation:T-1').waitFor();
    const clauseRow = table.locator('tr[data-testid^="finding-clause-without-threat"]', { hasText: 'PAY-4' });
    await clauseRow.waitFor();
    const findingId = (await clauseRow.getAttribute('data-testid'))!;
    expect(await app.getByTestId('audit-count-critical').textContent()).toMatch(/^[1-9]\d* critical$/);
    await screenshot(page, 'audit-before-fix');

    // An @atlaskit select: type to narrow its options, then choose one.
    await clauseRow.getByLabel('Threat').fill('T-5');
    await clauseRow.getByRole('option', { name: /^T-5 / }).click();
    await clauseRow.getByRole('button', { name: 'Link threat' }).click();
    await table.getByTestId(findingId).waitFor({ state: 'detached', timeout: 20_000 });
    await app.getByText(/^Last complete audit:/).waitFor();
    await screenshot(page, 'audit-after-fix');

    const story = await restAs(session.app.site, 'alice')('GET', '/rest/api/3/issue/PAY-4?fields=*all');
    expect(JSON.stringify(story.body)).toContain('"T-5"');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('as carol: sees the findings but has no suppress action', async () => {
    const { page } = await openPage(session.browser);
    await page.goto(`${session.app.url}/projects/PAY/apps/project-page`);
    await actAs(page, 'carol@example.com');
    const app = page.frameLocator('iframe[title="Without (threat model)"]');
    await app.getByRole('tab', { name: 'Audit' }).click();
    await app
      .getByRole('table', { name: 'Audit findings' })
      .getByTestId('finding-threat-without-mitigation:T-1')
      .waitFor();
    expect(await app.getByRole('button', { name: 'Suppress…' }).count()).toBe(0);
    await actAs(page, 'alice@example.com');
    await page.close();
  });
});
