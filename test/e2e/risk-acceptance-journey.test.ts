import type { FrameLocator, Page } from 'playwright-core';
import path from 'node:path';
import { actAs, demoSession, describeInBrowser, screenshot, SCREENSHOTS } from './support/browser';

const PROJECT_FRAME = 'iframe[title="Without (threat model)"]';
const DAY = 24 * 60 * 60 * 1000;
const REASON = 'Finance reconciles every settlement by hand until the signed export ships.';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The host sizes the app's frame to its content a moment after it renders: screenshots wait for it. */
const frameFitsContent = (page: Page) =>
  page.waitForFunction((selector) => {
    const frame = document.querySelector<HTMLIFrameElement>(selector);
    const content = frame?.contentDocument?.body;
    return !!frame && !!content && Math.abs(frame.getBoundingClientRect().height - content.scrollHeight) <= 1;
  }, PROJECT_FRAME);

/**
 * Runs the audit and waits for its result: a new "Last complete audit" line, not the one the
 * tab showed before the click (a second run would otherwise be read as done at once).
 */
async function runAudit(app: FrameLocator): Promise<void> {
  await app.getByRole('tab', { name: 'Audit' }).click();
  const state = app.getByTestId('audit-run-state');
  await state.waitFor();
  const before = await state.textContent();
  await app.getByRole('button', { name: 'Run audit' }).click();
  const deadline = Date.now() + 20_000;
  for (;;) {
    const now = await state.textContent();
    if (now !== before && now?.startsWith('Last complete audit:')) return;
    if (Date.now() > deadline) throw new Error(`The audit did not complete: "${now}"`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Elements of the app frame wider than the frame, or the frame scrolling sideways. */
async function overflowAt(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  const frame = page.frame({ url: /\/forge\/resource\// });
  if (!frame) throw new Error('the app frame is not loaded');
  return frame.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}

describeInBrowser('a project admin accepts a threat’s residual risk until a date', () => {
  const session = demoSession();

  it('as alice: sets a tolerance, accepts T-6’s risk, its finding goes, and returns as "acceptance expired" once the date has passed', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    // The tolerance, set in the project settings, is a line on the risk chart.
    await page.goto(`${session.app.url}/projects/PAY/settings/apps/project-settings`);
    const settings = page.frameLocator('iframe[title="Without for Jira"]');
    await settings.getByRole('table', { name: 'Exposure tiers' }).waitFor();
    await settings.getByLabel('Risk tolerance').fill('90');
    await settings.getByRole('button', { name: 'Save' }).click();
    await page.locator('#flags').getByText('Settings saved').first().waitFor();

    await page.goto(`${session.app.url}/projects/PAY/apps/project-page`);
    const app = page.frameLocator(PROJECT_FRAME);
    await app.getByTestId('risk-chart-tolerance').getByText('Tolerance 90').waitFor();
    // The demo's risk now (106.5) is above it, and the tab says so.
    await app
      .getByTestId('above-tolerance')
      .getByText(/is above the tolerance of 90 \(set in the settings\)/)
      .waitFor();
    expect(await app.getByTestId('project-risk').textContent()).toContain('tolerance 90');

    // T-6 has a story and no mitigation: the audit asks for one.
    await runAudit(app);
    const findings = app.getByRole('table', { name: 'Audit findings' });
    await findings.getByTestId('finding-threat-without-mitigation:T-6').waitFor();

    // Alice accepts its risk for 30 days, with a reason.
    const until = day(Date.now() + 30 * DAY);
    await app.getByRole('tab', { name: 'Threat model' }).click();
    await app.getByRole('button', { name: 'Actions for T-6' }).click();
    await app.getByRole('menuitem', { name: 'Accept risk of T-6' }).click();
    const dialog = app.getByRole('dialog');
    await dialog.getByLabel('Why is the risk acceptable?').fill(REASON);
    await dialog.getByLabel('Accepted until (last day, UTC)').fill(until);
    await frameFitsContent(page);
    await screenshot(page, 'risk-acceptance-dialog-1280');
    await page.setViewportSize({ width: 900, height: 800 });
    await frameFitsContent(page);
    await screenshot(page, 'risk-acceptance-dialog-900');
    await dialog.screenshot({ path: path.join(SCREENSHOTS, 'risk-acceptance-dialog-900-close.png') });
    const wide = await overflowAt(page);
    expect(wide.scrollWidth).toBeLessThanOrEqual(wide.clientWidth);
    const accept = dialog.getByRole('button', { name: 'Accept risk' });
    expect((await accept.boundingBox())!.width).toBeGreaterThan(0);
    await accept.click();
    await dialog.waitFor({ state: 'detached' });

    const accepted = app.getByTestId('acceptance-T-6');
    await accepted.getByText(`Accepted by Alice Admin until ${until}`).waitFor();
    await frameFitsContent(page);
    await screenshot(page, 'risk-acceptance-row-900');
    await app
      .getByRole('row')
      .filter({ has: app.getByTestId('acceptance-T-6') })
      .screenshot({ path: path.join(SCREENSHOTS, 'risk-acceptance-row-900-close.png') });
    const narrow = await overflowAt(page);
    expect(narrow.scrollWidth).toBeLessThanOrEqual(narrow.clientWidth);
    await page.setViewportSize({ width: 1280, height: 800 });

    // The audit stops asking for a mitigation while the acceptance holds.
    await runAudit(app);
    await findings.getByTestId('finding-threat-without-mitigation:T-1').waitFor();
    expect(await findings.getByTestId('finding-threat-without-mitigation:T-6').count()).toBe(0);
    expect(await findings.getByTestId('finding-acceptance-expired:T-6').count()).toBe(0);

    // The local host's clock moves past the last day: the audit reports the acceptance as expired.
    const moved = await fetch(`${session.app.url}/_local/clock`, {
      method: 'PUT',
      body: JSON.stringify({ now: `${day(Date.parse(until) + DAY)}T12:00:00.000Z` }),
    });
    expect(moved.status).toBe(200);
    await page.reload();
    const later = page.frameLocator(PROJECT_FRAME);
    await runAudit(later);
    const expired = later.getByRole('table', { name: 'Audit findings' }).getByTestId('finding-acceptance-expired:T-6');
    await expired.waitFor();
    expect(await expired.textContent()).toContain(`expired after ${until}`);
    expect(
      await later
        .getByRole('table', { name: 'Audit findings' })
        .getByTestId('finding-threat-without-mitigation:T-6')
        .count(),
    ).toBe(0);
    await expired.getByRole('button', { name: 'Renew or let it lapse' }).waitFor();
    await screenshot(page, 'risk-acceptance-expired-audit');
    await expired.screenshot({ path: path.join(SCREENSHOTS, 'risk-acceptance-expired-finding.png') });

    await later.getByRole('tab', { name: 'Threat model' }).click();
    await later
      .getByTestId('acceptance-T-6')
      .getByText(`⚠ Acceptance expired: accepted by Alice Admin until ${until}`)
      .waitFor();

    // Carol may browse the project but not accept risk: "Renew" is disabled before she presses
    // it, with the reason beside it, at both widths.
    await actAs(page, 'carol@example.com');
    const carols = page.frameLocator(PROJECT_FRAME);
    await carols.getByRole('tab', { name: 'Audit' }).click();
    const hers = carols.getByRole('table', { name: 'Audit findings' }).getByTestId('finding-acceptance-expired:T-6');
    const renew = hers.getByRole('button', { name: 'Renew or let it lapse' });
    expect(await renew.isDisabled()).toBe(true);
    await hers.getByText(/You can’t accept or revoke risk in PAY: project administrators and the roles/).waitFor();
    await frameFitsContent(page);
    await screenshot(page, 'risk-acceptance-renew-browse-only-1280');
    await page.setViewportSize({ width: 900, height: 800 });
    await frameFitsContent(page);
    await hers.screenshot({ path: path.join(SCREENSHOTS, 'risk-acceptance-renew-browse-only-900.png') });
    expect(await renew.isDisabled()).toBe(true);
    await actAs(page, 'alice@example.com');
    expect(errors).toEqual([]);
    await page.close();
  });
});
