import type { Page } from 'playwright-core';
import { actAs, describeInBrowser, demoSession, openPage, screenshot } from './support/browser';

const CARD_THREAT = 'Card data disclosed in transit or at rest';
const SKIMMING = 'Card numbers outside the payment provider';

/** The host sizes the app's frame to its content a moment after it renders: screenshots wait for it. */
const frameFitsContent = (page: Page) =>
  page.waitForFunction(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[title="Without (threat model)"]');
    const content = frame?.contentDocument?.documentElement;
    return !!frame && !!content && frame.getBoundingClientRect().height >= content.scrollHeight - 1;
  });

describeInBrowser('operations wire the alerts of a threat from the knowledge base', () => {
  const session = demoSession();

  it('as bob: accepts the card-data suggestion on PAY-1, sees its detection events on the Monitoring tab and creates the task of one', async () => {
    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.app.url}/browse/PAY-1`);
    await actAs(page, 'bob@example.com');
    const panel = page.frameLocator('iframe[title="WITHOUT clauses"]');
    await panel.getByRole('button', { name: 'Suggest threats' }).click();
    const card = panel.getByTestId('suggestion-WEB-I-01');
    await card.getByRole('button', { name: `Add and link: ${CARD_THREAT}` }).click();
    await card.getByText('In the model as T-13').waitFor();

    await page.goto(`${session.app.url}/projects/PAY/apps/project-page`);
    const app = page.frameLocator('iframe[title="Without (threat model)"]');
    await app.getByRole('tab', { name: 'Monitoring' }).click();
    const threat = app.getByRole('region', { name: `T-13 ${CARD_THREAT}` });
    await threat.waitFor();
    await threat.getByText('High 15').waitFor();
    const row = threat.getByTestId('event-T-13-WEB-I-01-D1');
    await row.getByText(SKIMMING, { exact: true }).waitFor();
    expect(await row.getByLabel('Signal of WEB-I-01-D1').textContent()).toMatch(/Luhn check/);
    await threat.getByTestId('event-T-13-WEB-I-01-D2').getByText('Weak TLS on payment endpoints').waitFor();
    await app.getByText(/^Written by hand: no knowledge base names their detection events\./).waitFor();
    // The demo's T-5 and T-9 came from the knowledge base too: their three events are listed beside.
    await app
      .getByRole('region', { name: 'T-5 Credential stuffing against the login' })
      .getByText('Failed sign-ins spike')
      .waitFor();
    expect(await app.getByTestId('monitoring-summary').textContent()).toMatch(/5 detection events, 0 with a task\.$/);
    await frameFitsContent(page);
    await screenshot(page, 'monitoring-before-task');

    await row.getByRole('button', { name: `Create task for WEB-I-01-D1: ${SKIMMING}` }).click();
    const taskLink = row.getByRole('link', { name: /^PAY-\d+$/ });
    await taskLink.waitFor();
    await row.getByText('Accepted', { exact: true }).waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    expect(await app.getByTestId('monitoring-summary').textContent()).toMatch(/5 detection events, 1 with a task\.$/);
    const key = (await taskLink.textContent())!;
    await frameFitsContent(page);
    await screenshot(page, 'monitoring-after-task');

    // After a reload the view reads the task back from Jira.
    await page.reload();
    const again = page.frameLocator('iframe[title="Without (threat model)"]');
    await again.getByRole('tab', { name: 'Monitoring' }).click();
    await again.getByTestId('event-T-13-WEB-I-01-D1').getByRole('link', { name: key }).waitFor();
    expect(errors).toEqual([]);
    await actAs(page, 'alice@example.com');
    await page.close();
  });
});
