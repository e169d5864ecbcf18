import type { FaultSettings } from '../../local/site/faults';
import { describeInBrowser, demoSession, openPage, screenshot } from './support/browser';

// When Jira answers slowly and with 429s, a save says next to its control that Jira is slow and
// the app is still trying, then shows what was saved; when Jira fails, the failure offers Retry,
// which sends the same change once Jira answers again.
describeInBrowser('the story panel when Jira is slow or failing', () => {
  const session = demoSession();

  async function setFaults(faults: Partial<FaultSettings>): Promise<void> {
    const answer = await fetch(`${session.app.url}/_local/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(faults),
    });
    expect(answer.status).toBe(200);
  }

  afterEach(() => setFaults({ latencyMs: 0, rate429: 0, rate500: 0 }));

  it('as alice on PAY-5: says Jira is slow while a clause is saved under latency and 429s, then shows it saved', async () => {
    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.app.url}/browse/PAY-5`);
    const panel = page.frameLocator('iframe[title="WITHOUT clauses"]');
    await panel.getByLabel('New WITHOUT clause').waitFor();

    await setFaults({ latencyMs: 700, rate429: 0.3 });
    await panel.getByLabel('New WITHOUT clause').fill('my refund going to another card');
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await panel.getByText('Jira is slow to answer. Still trying…').waitFor();
    await screenshot(page, 'slow-jira-still-trying');

    await panel.getByText('my refund going to another card').waitFor({ timeout: 60_000 });
    await panel.getByText('Jira is slow to answer. Still trying…').waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('as alice on PAY-5: a save Jira fails offers Retry, which saves it once Jira answers again', async () => {
    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.app.url}/browse/PAY-5`);
    const panel = page.frameLocator('iframe[title="WITHOUT clauses"]');
    await panel.getByLabel('New WITHOUT clause').waitFor();

    await setFaults({ rate500: 1 });
    await panel.getByLabel('New WITHOUT clause').fill('my card number showing in the receipt email');
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await panel.getByText('The change was not saved').waitFor({ timeout: 60_000 });
    await screenshot(page, 'slow-jira-retry');

    await setFaults({ rate500: 0 });
    await panel.getByRole('button', { name: 'Retry' }).click();
    await panel
      .getByRole('list', { name: 'WITHOUT clauses' })
      .getByText('my card number showing in the receipt email')
      .waitFor();
    await panel.getByText('The change was not saved').waitFor({ state: 'detached' });
    expect(await panel.getByLabel('New WITHOUT clause').inputValue()).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });
});
