import { builtInKnowledgeBase } from '../../src/domain/knowledge-base/active-knowledge-bases';
import { acceptThreatTemplate } from '../../src/domain/knowledge-base/accept';
import { changeThreatModel } from '../../src/jira/threat-model/threat-model-repository';
import { siteClient } from '../support/jira-clients';
import type { Locator, Page } from 'playwright-core';
import { describeInBrowser, demoSession, openPage, screenshot } from './support/browser';

/** Waits until the whole of `target` lies inside the browser's viewport (it may move once, as it is placed). */
async function expectOnScreen(page: Page, target: Locator): Promise<void> {
  const screen = page.viewportSize()!;
  let box: { y: number; height: number } | null = null;
  for (let tries = 0; tries < 30; tries++) {
    box = await target.boundingBox();
    if (box && box.y >= 0 && box.y + box.height <= screen.height) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`not on screen: ${JSON.stringify(box)} in a viewport ${screen.height}px high`);
}

// Demo T-1 ("Checkout web page", tampering and disclosure) is asked the built-in web-UI questions of T and I.
const T1_QUESTIONS = ['WEB-Q-WEB-UI-T', 'WEB-Q-WEB-UI-I'].map(
  (id) => builtInKnowledgeBase().questions.find((q) => q.id === id)!.text,
) as [string, string];

describeInBrowser('a security champion answers STRIDE questions and takes a knowledge-base update', () => {
  const session = demoSession();

  it('as alice: answers a question of T-1 on the threat model, the rest from the audit, and the finding goes', async () => {
    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.app.url}/projects/PAY/apps/project-page`);
    const app = page.frameLocator('iframe[title="Without (threat model)"]');

    await app.getByRole('button', { name: 'STRIDE questions of T-1: 0 of 2 answered' }).click();
    const dialog = app.getByRole('dialog', { name: 'STRIDE questions of T-1' });
    const first = dialog.getByRole('region', { name: T1_QUESTIONS[0] });
    await first.getByRole('radio', { name: 'No', exact: true }).check();
    await first.getByLabel('Note').fill('The checkout page still loads the analytics script without SRI.');
    await first.getByRole('button', { name: 'Save answer' }).click();
    await first.getByText(/^Saved: No, answered by Alice Admin on \d{4}-\d{2}-\d{2}$/).waitFor();
    await dialog.getByText('1 of 2 answered').waitFor();
    await screenshot(page, 'stride-questions-answered');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await app.getByRole('button', { name: 'STRIDE questions of T-1: 1 of 2 answered' }).waitFor();

    await app.getByRole('tab', { name: 'Audit' }).click();
    await app.getByRole('button', { name: 'Run audit' }).click();
    const finding = app.getByTestId('finding-questions-unanswered:T-1');
    await finding.getByText(/has 1 of 2 STRIDE questions unanswered/).waitFor({ timeout: 20_000 });
    await finding.getByRole('button', { name: 'Answer its STRIDE questions' }).click();
    const fromAudit = app.getByRole('dialog', { name: 'STRIDE questions of T-1' });
    const second = fromAudit.getByRole('region', { name: T1_QUESTIONS[1] });
    await second.getByRole('radio', { name: 'Yes', exact: true }).check();
    await second.getByRole('button', { name: 'Save answer' }).click();
    await fromAudit.getByText('2 of 2 answered').waitFor();
    await fromAudit.getByRole('button', { name: 'Close', exact: true }).click();
    await finding.waitFor({ state: 'detached', timeout: 20_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('as alice: sees what the new version of the built-in knowledge base changes on a threat made from an older one, and takes it', async () => {
    // A threat accepted when the built-in knowledge base was at an older version, with another
    // title and a description worded a little differently.
    const current = builtInKnowledgeBase();
    const olderDescription = (d: string) => d.replace('downgraded', 'weak').replace(' (even briefly)', '');
    const older = {
      ...current,
      version: '2025.1.0',
      threats: current.threats.map((t) =>
        t.id === 'WEB-I-01' ? { ...t, title: 'Card data disclosed', description: olderDescription(t.description) } : t,
      ),
    };
    const threatId = await changeThreatModel(siteClient(session.app.site), 'PAY', 'e2e', (model) => {
      const accepted = acceptThreatTemplate(model, older, 'WEB-I-01', {
        accountId: '712020:bob',
        now: new Date().toISOString(),
      });
      return { model: accepted.model, result: accepted.threat.id };
    });

    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.app.url}/projects/PAY/apps/project-page`);
    const app = page.frameLocator('iframe[title="Without (threat model)"]');
    const update = app.getByRole('button', { name: `Update available for ${threatId}` });
    await update.waitFor();
    // The premise: the frame has grown with the table to well past the screen's height.
    await page.waitForFunction(
      () =>
        (document.querySelector('iframe[title="Without (threat model)"]')?.getBoundingClientRect().height ?? 0) >
        window.innerHeight + 300,
    );
    await update.click();
    const dialog = app.getByRole('dialog', { name: `Update for ${threatId}` });
    // The frame grows with its content and the click scrolled the page down to the last row:
    // the dialog opens where the person is looking, not at the top of the frame.
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    await expectOnScreen(page, dialog);
    await dialog.getByText(`Web applications and APIs has a new version: 2025.1.0 → ${current.version}.`).waitFor();
    const title = dialog.getByRole('table', { name: 'Changes' }).getByRole('row', { name: /^Title/ });
    expect(await title.textContent()).toContain('Card data disclosed in transit or at rest');
    // The long description shows only the words that change, with a few around them.
    const description = dialog.getByLabel('Description changes');
    expect((await description.locator('del').allTextContents()).map((t) => t.trim())).toEqual(['weak']);
    expect((await description.locator('ins').allTextContents()).map((t) => t.trim())).toEqual([
      'downgraded',
      '(even briefly)',
    ]);
    expect(await description.textContent()).toMatch(/^… .*…/);
    await screenshot(page, 'kb-update-dialog');
    await dialog.getByRole('button', { name: 'Show both texts in full' }).click();
    expect(await dialog.getByLabel('Version ' + current.version, { exact: true }).textContent()).toBe(
      current.threats.find((t) => t.id === 'WEB-I-01')!.description,
    );

    await dialog.getByRole('button', { name: 'Take update' }).click();
    await dialog.waitFor({ state: 'detached' });
    await app.getByText('Card data disclosed in transit or at rest').first().waitFor();
    expect(await app.getByRole('button', { name: `Update available for ${threatId}` }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
