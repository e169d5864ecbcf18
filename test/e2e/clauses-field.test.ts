import { actAs, describeInBrowser, demoSession, openPage, screenshot } from './support/browser';

describeInBrowser('the WITHOUT clauses field, edited where stories are written', () => {
  const session = demoSession();

  it('as bob: edits the clauses with the field’s own edit on the issue view', async () => {
    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.app.url}/browse/PAY-5`);
    await actAs(page, 'bob@example.com');
    await page.getByRole('button', { name: 'Edit WITHOUT clauses' }).click();
    const editor = page.frameLocator('iframe[title="Edit WITHOUT clauses"]');
    await editor.getByLabel('New WITHOUT clause').fill('my reset link being used twice');
    await Promise.all([page.waitForEvent('load'), editor.getByRole('button', { name: 'Save' }).click()]);
    const view = page.frameLocator('iframe[title="WITHOUT clauses (field)"]');
    await view.getByText('my reset link being used twice').waitFor();
    const panel = page.frameLocator('iframe[title="WITHOUT clauses"]');
    await panel.getByText('my reset link being used twice').waitFor();
    await screenshot(page, 'clauses-field-edited');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('as bob: creates a story with a WITHOUT clause from the create screen', async () => {
    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.app.url}/projects/PAY/create`);
    await actAs(page, 'bob@example.com');
    await page.getByLabel('Summary').fill('As a buyer, I want to pay with Apple Pay so that checkout is one tap');
    const field = page.frameLocator('iframe[title="WITHOUT clauses (field)"]');
    await field.getByLabel('New WITHOUT clause').fill('anyone paying with my phone while it is locked');
    await page.getByText('Set: 1 clause(s) will be saved with the issue.').waitFor();
    await Promise.all([page.waitForURL(/\/browse\/PAY-23$/), page.getByRole('button', { name: 'Create' }).click()]);
    await page
      .frameLocator('iframe[title="WITHOUT clauses"]')
      .getByText('anyone paying with my phone while it is locked')
      .waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
