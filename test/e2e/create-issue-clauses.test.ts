import { restAs } from '../support/local-site';
import { actAs, describeInBrowser, demoSession, openPage, screenshot } from './support/browser';

// Jira's create screen draws the field's edit inside the create form and keeps the last value
// the field submitted; Create stores it with the issue. The editor submits as the person types,
// so a clause typed and never "added" is on the created issue.
describeInBrowser('the WITHOUT clauses field on the create screen', () => {
  const session = demoSession();

  it('as bob: a clause typed but not added is stored on the created issue', async () => {
    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.app.url}/projects/PAY/create`);
    await actAs(page, 'bob@example.com');
    await page.getByLabel('Summary').fill('As a buyer, I want to save my card so that checkout is faster');
    const field = page.frameLocator('iframe[title="WITHOUT clauses (field)"]');
    await field.getByText('Clauses typed here are saved with the issue.').waitFor();
    await field.getByLabel('New WITHOUT clause').fill('my saved card being charged by someone else');
    await field.getByText('1 WITHOUT clause will be saved with the issue.').waitFor();
    await page.getByText('Set: 1 clause(s) will be saved with the issue.').waitFor();
    await screenshot(page, 'create-issue-typed-clause');

    await Promise.all([page.waitForURL(/\/browse\/PAY-\d+$/), page.getByRole('button', { name: 'Create' }).click()]);
    const key = /\/browse\/(PAY-\d+)$/.exec(page.url())?.[1];

    const bob = restAs(session.app.site, 'bob');
    const fields = (await bob('GET', '/rest/api/3/field')).body as unknown as Array<{ id: string; name: string }>;
    const fieldId = fields.find((f) => f.name === 'WITHOUT clauses')?.id ?? '';
    const issue = (await bob('GET', `/rest/api/3/issue/${key}?fields=${fieldId}`)).body as {
      fields: Record<string, { clauses?: Array<{ text: string; threatIds: string[] }>; hasClauses?: string }>;
    };
    expect(issue.fields[fieldId]).toMatchObject({
      clauses: [{ text: 'my saved card being charged by someone else', threatIds: [] }],
      hasClauses: 'yes',
    });
    await page
      .frameLocator('iframe[title="WITHOUT clauses"]')
      .getByText('my saved card being charged by someone else')
      .waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
