import { searchOnceIndexed } from './support/search-index';
import { restAs } from '../support/local-site';
import { demoSession, describeInBrowser, openPage, screenshot } from './support/browser';

// Values someone wrote through Jira's REST API, as a person meets them in the app: the story
// panel keeps clauses it cannot read until the person chooses to replace them, and the audit
// names an issue that only claims to be a mitigation task.
describeInBrowser('values written by hand through the REST API', () => {
  const session = demoSession();

  it('as alice on PAY-2: a plain save is refused with the reason, and "Replace" saves over the unreadable clauses only when asked (1280 and 900 px)', async () => {
    const alice = restAs(session.app.site, 'alice');
    const fields = (await alice('GET', '/rest/api/3/field')).body as unknown as Array<{ id: string; name: string }>;
    const fieldId = fields.find((f) => f.name === 'WITHOUT clauses')!.id;
    await alice('PUT', '/rest/api/3/issue/PAY-2', {
      fields: { [fieldId]: { clauses: [{ id: 'x', text: 'ok text', threatIds: ['not-a-threat'] }], revision: 4 } },
    });

    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.app.url}/browse/PAY-2`);
    const panel = page.frameLocator('iframe[title="WITHOUT clauses"]');
    await panel.getByText(/stored WITHOUT clauses of this story are not valid/).waitFor();
    await panel.getByLabel('New WITHOUT clause').fill('anyone else paying with my card');
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await panel.getByText(/cannot be read, so the app will not write over them/).waitFor();
    await screenshot(page, 'unreadable-clauses-refused');
    await page.setViewportSize({ width: 900, height: 800 });
    await screenshot(page, 'unreadable-clauses-refused-900');
    const stored = (await alice('GET', `/rest/api/3/issue/PAY-2?fields=${fieldId}`)).body as {
      fields: Record<string, { revision?: number }>;
    };
    expect(stored.fields[fieldId]?.revision).toBe(4);

    await panel.getByRole('button', { name: 'Replace them with mine' }).click();
    await panel.getByText('anyone else paying with my card').waitFor();
    await panel.getByText(/not write over them/).waitFor({ state: 'detached' });
    // The clause it saved is no longer typed in the field (a second Add would add it twice).
    const field = panel.getByLabel('New WITHOUT clause');
    for (let tries = 0; tries < 50 && (await field.inputValue()) !== ''; tries++) await page.waitForTimeout(100);
    expect(await field.inputValue()).toBe('');
    const replaced = (await alice('GET', `/rest/api/3/issue/PAY-2?fields=${fieldId}`)).body as {
      fields: Record<string, { revision?: number; clauses?: Array<{ text: string }> }>;
    };
    expect(replaced.fields[fieldId]).toMatchObject({
      revision: 5,
      clauses: [{ text: 'anyone else paying with my card' }],
    });
    await screenshot(page, 'unreadable-clauses-replaced-900');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('as alice: the audit lists an issue whose task property bob wrote by hand as a suspicious mitigation task', async () => {
    await restAs(session.app.site, 'bob')('PUT', '/rest/api/3/issue/PAY-3/properties/without.task', {
      v: 1,
      mitigationId: 'M-3',
      threatIds: ['T-1'],
      projectKey: 'PAY',
    });
    // The audit reads through Jira's search, which shows bob's write once its index has it.
    const forged = 'project = PAY AND issue.property[without.task].mitigationId = "M-3"';
    expect(await searchOnceIndexed(session.app.site, 'bob', forged, (keys) => keys.includes('PAY-3'))).toContain(
      'PAY-3',
    );
    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.app.url}/projects/PAY/apps/project-page`);
    const app = page.frameLocator('iframe[title="Without (threat model)"]');
    await app.getByRole('tab', { name: 'Audit' }).click();
    await app.getByRole('button', { name: 'Run audit' }).click();
    await app.getByText(/^Last complete audit:/).waitFor({ timeout: 20_000 });
    const row = app.getByRole('table', { name: 'Audit findings' }).getByTestId('finding-task-unrecorded:PAY-3');
    await row.waitFor();
    expect(await row.textContent()).toContain('claims to carry M-3, but the threat model records PAY-22 as M-3');
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'audit-suspicious-task');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('as alice: a stored audit result someone broke shows the reason and Run audit, not a blank frame (900 px)', async () => {
    const alice = restAs(session.app.site, 'alice');
    const status = (await alice('GET', '/rest/api/3/project/PAY/properties/without.audit')).body?.value as {
      complete?: { slot: number };
    };
    expect(status.complete).toBeDefined();
    await alice('PUT', `/rest/api/3/project/PAY/properties/without.audit.result.${status.complete!.slot}.0`, {
      v: 1,
      data: 'not deflated',
    });
    const { page, errors } = await openPage(session.browser);
    await page.setViewportSize({ width: 900, height: 800 });
    await page.goto(`${session.app.url}/projects/PAY/apps/project-page`);
    const app = page.frameLocator('iframe[title="Without (threat model)"]');
    await app.getByRole('tab', { name: 'Audit' }).click();
    await app.getByText('The last audit result cannot be read; run the audit again.').waitFor();
    await app.getByText('No audit result to show').waitFor();
    await screenshot(page, 'audit-result-unreadable-900');
    await app.getByRole('button', { name: 'Run audit' }).click();
    await app
      .getByRole('table', { name: 'Audit findings' })
      .getByTestId('finding-task-unrecorded:PAY-3')
      .waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
