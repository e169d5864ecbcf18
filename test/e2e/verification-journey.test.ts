import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Download, FrameLocator, Page } from 'playwright-core';
import { demoSession, describeInBrowser, openPage, screenshot } from './support/browser';

const FRAME = 'iframe[title="Without (threat model)"]';
const DEMO_SARIF = path.resolve(__dirname, '../../local/site/seed/demo-codeql.sarif');
const CARD_TESTING = 'Card testing: stolen cards checked with small payments';

async function downloaded(page: Page, start: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), start()])) as [Download, void];
  // The browser runs apart from the test: the file is copied over.
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'without-monitoring-')), download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

async function openTab(page: Page, url: string, tab: string): Promise<FrameLocator> {
  await page.goto(`${url}/projects/PAY/apps/project-page`);
  const app = page.frameLocator(FRAME);
  await app.getByRole('tab', { name: tab }).click();
  return app;
}

/** Whether the app's page is wider than its frame (a horizontal scroll bar). */
const overflows = async (page: Page) => {
  const frame = page.frame({ url: /\/forge\/resource\// })!;
  return frame.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
};

describeInBrowser(
  'a champion adds detection events by hand, exports them, and feeds security-test results back',
  () => {
    const session = demoSession();

    it('as alice: adds a detection event to T-2, which had none, and downloads the monitoring specification', async () => {
      const { page, errors } = await openPage(session.browser);
      const app = await openTab(page, session.app.url, 'Monitoring');
      const without = app.getByTestId('without-events-T-2');
      await without.getByRole('button', { name: 'Add detection event to T-2' }).click();
      const form = app.getByRole('form', { name: 'New detection event for T-2' });
      await form.getByLabel(/^Title/).fill('Burst of small declined authorisations');
      await form
        .getByLabel(/^Signal to log or alert on/)
        .fill('PSP declines per device fingerprint, from the payment log');
      await form.getByLabel('Threshold').fill('more than 10 declines under 2 EUR in 10 minutes');
      await form.getByLabel('Who responds').fill('Payments on-call');
      await form.getByLabel('First steps').fill('Block the device; tell the PSP fraud desk.');
      await form.getByRole('button', { name: 'Add event' }).click();

      const threat = app.getByRole('region', { name: `T-2 ${CARD_TESTING}` });
      const row = threat.getByTestId('event-T-2-E-1');
      await row.getByText('Burst of small declined authorisations').waitFor();
      await row.getByText('Payments on-call').waitFor();
      await threat.getByText('Events written by hand').waitFor();
      expect(await app.getByTestId('without-events-T-2').count()).toBe(0);
      expect(await app.getByTestId('monitoring-summary').textContent()).toMatch(/4 detection events, 0 with a task\.$/);

      const json = await downloaded(page, () => app.getByRole('button', { name: 'Download JSON' }).click());
      expect(json.name).toBe('pay-monitoring-spec.json');
      const spec = JSON.parse(json.text) as {
        format: string;
        threats: Array<{ id: string; events: Array<Record<string, unknown>> }>;
      };
      expect(spec.format).toBe('without-monitoring/1');
      expect(spec.threats.map((t) => t.id)).toEqual(['T-5', 'T-2', 'T-9']);
      expect(spec.threats.find((t) => t.id === 'T-2')?.events).toEqual([
        {
          id: 'E-1',
          origin: 'manual',
          title: 'Burst of small declined authorisations',
          signal: 'PSP declines per device fingerprint, from the payment log',
          threshold: 'more than 10 declines under 2 EUR in 10 minutes',
          responder: 'Payments on-call',
          firstSteps: 'Block the device; tell the PSP fraud desk.',
          task: null,
        },
      ]);
      const md = await downloaded(page, () => app.getByRole('button', { name: 'Download Markdown' }).click());
      expect(md.name).toBe('pay-monitoring-spec.md');
      // What people wrote is Markdown-escaped (punctuation backslashed), so it renders as written.
      expect(md.text).toContain('## T-2 Card testing\\: stolen cards checked with small payments');
      expect(md.text).toContain('#### Burst of small declined authorisations (E-1, written by hand)');
      expect(md.text).toContain('- **Who responds:** Payments on\\-call');
      await screenshot(page, 'verification-journey-monitoring');
      expect(errors).toEqual([]);
      await page.close();
    });

    it('as alice: uploads the demo CodeQL file and sees "Verification failed" on M-5, at 900 px too', async () => {
      const { page, errors } = await openPage(session.browser);
      await page.setViewportSize({ width: 900, height: 900 });
      const app = await openTab(page, session.app.url, 'Verification');
      const m5 = app.getByTestId('verification-M-5');
      await m5.getByText('Not verified').waitFor();
      await app.getByLabel('SARIF file').setInputFiles(DEMO_SARIF);
      await app.getByRole('button', { name: 'Upload and map' }).click();
      await app.getByTestId('sarif-outcome').getByText('Verification failed: M-5.').waitFor();
      await m5.getByText('Verification failed').waitFor();
      await m5
        .getByText(/^1 open result of CodeQL mapped to it\. js\/reflected-xss at src\/checkout\/receipt-page\.ts:42\./)
        .waitFor();
      await m5.getByText(/by Alice/).waitFor();
      expect(await app.getByTestId('verification-summary').textContent()).toMatch(
        /1 mitigation in place failed verification/,
      );
      expect(await overflows(page)).toBe(false);
      await screenshot(page, 'verification-journey-900px');

      expect(errors).toEqual([]);
      await page.close();

      // The Threat model tab shows it on the mitigation too (at 1280 px: at 900 the table leaves the
      // mitigations column out).
      const wide = await openPage(session.browser);
      const model = await openTab(wide.page, session.app.url, 'Threat model');
      await model.getByRole('button', { name: /^Mitigations of T-7 / }).click();
      await model.getByTestId('mitigation-T-7-M-5').getByText('Verification failed', { exact: true }).waitFor();
      expect(wide.errors).toEqual([]);
      await wide.page.close();
    });

    it('as alice: a malformed SARIF file is refused with file:line:col and changes nothing', async () => {
      const { page } = await openPage(session.browser);
      const app = await openTab(page, session.app.url, 'Verification');
      await app.getByTestId('verification-M-1').waitFor();
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'without-sarif-')), 'broken.sarif');
      fs.writeFileSync(file, '{\n  "version": "2.1.0",\n  "runs": [\n');
      await app.getByLabel('SARIF file').setInputFiles(file);
      await app.getByRole('button', { name: 'Upload and map' }).click();
      await app
        .getByRole('alert')
        .getByText(/^broken\.sarif:3:\d+: /)
        .waitFor();
      // Nothing was recorded: after a reload M-1 is still unverified, M-5 still failed from the CodeQL run.
      await page.reload();
      const again = page.frameLocator(FRAME);
      await again.getByRole('tab', { name: 'Verification' }).click();
      await again.getByTestId('verification-M-1').getByText('Not verified').waitFor();
      await again.getByTestId('verification-M-5').getByText('Verification failed').waitFor();
      await page.close();
    });
  },
);
