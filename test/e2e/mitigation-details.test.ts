import { describeInBrowser, demoSession, openPage } from './support/browser';

// The Threat model tab lists mitigations without their texts (threat-model/get stays small);
// the edit dialog reads them with threat-model/threat-details when it opens.
describeInBrowser('editing a mitigation from the Threat model tab', () => {
  const session = demoSession();

  it('as alice: opens M-1 of T-4 and finds its texts in the form, read when the dialog opens', async () => {
    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.app.url}/projects/PAY/apps/project-page`);
    const app = page.frameLocator('iframe[title="Without (threat model)"]');
    await app.getByRole('tab', { name: 'Threat model' }).click();
    await app.getByRole('button', { name: /^Mitigations of T-4 / }).click();
    await app.getByRole('button', { name: 'Edit M-1' }).click();

    const dialog = app.getByRole('dialog', { name: 'Edit M-1' });
    const implementation = dialog.getByLabel('What to implement');
    await implementation.waitFor();
    expect(await implementation.inputValue()).toBe('Store only the PSP token and the last four digits; never the PAN.');
    expect(await dialog.getByLabel('How to verify').inputValue()).toBe(
      'A database scan finds no 13-19 digit card numbers.',
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });
});
