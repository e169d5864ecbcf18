import type { FrameLocator, Page } from 'playwright-core';
import { addSprintStories } from '../support/bulk-stories';
import { restAs } from '../support/local-site';
import { actAs, demoSession, describeInBrowser, openPage, screenshot } from './support/browser';
import { horizontalOverflow } from './support/readable-widths';

const VELOCITY = 'Velocity limits on card authorisations per device and IP';

describeInBrowser('a product owner plans the security work of a sprint', () => {
  const session = demoSession();

  it('as alice: the sprint action shows backlog work to pull in, "Add to sprint" moves it, and the risk after the sprint drops', async () => {
    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.app.url}/projects/PAY/backlog`);
    await page
      .locator('section.sprint', { hasText: 'PAY Sprint 12' })
      .getByRole('button', { name: 'Security work for this sprint' })
      .click();
    const modal = page.frameLocator('iframe[title="Security work for this sprint"]');
    const planned = modal.getByRole('list', { name: 'Planned stories' });
    await planned.getByText('PAY-12').waitFor();
    await planned.getByText('PAY-1', { exact: true }).waitFor();
    const pullIn = modal.getByRole('list', { name: 'Security work to pull in' });
    await pullIn.getByText(VELOCITY).waitFor();
    const risk = modal.getByTestId('sprint-risk');
    const before = (await risk.textContent()) ?? '';
    const [, now, after] = /Risk now ([\d.]+) → after this sprint ([\d.]+)/.exec(before) ?? [];
    expect(Number(after)).toBe(Number(now));
    await screenshot(page, 'sprint-plan-before');

    await modal.getByRole('button', { name: 'Add to sprint: M-3' }).click();
    await pullIn.getByText(VELOCITY).waitFor({ state: 'detached' });
    // The velocity limits remove 75% of T-2 (4 × 3 = 12): 9 less risk once the sprint is done.
    await risk.getByText(`Risk now ${now} → after this sprint ${Number(now) - 9}`).waitFor();
    await screenshot(page, 'sprint-plan-after');
    const sprint = await restAs(session.app.site, 'alice')('GET', '/rest/agile/1.0/sprint/2/issue?fields=summary');
    expect((sprint.body?.issues as Array<{ key: string }>).map((i) => i.key)).toContain('PAY-22');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('as carol: the plan is there, the actions are not, and she is told why', async () => {
    const { page } = await openPage(session.browser);
    await page.goto(`${session.app.url}/projects/PAY/backlog`);
    await actAs(page, 'carol@example.com');
    await page
      .locator('section.sprint', { hasText: 'PAY Sprint 12' })
      .getByRole('button', { name: 'Security work for this sprint' })
      .click();
    const modal = page.frameLocator('iframe[title="Security work for this sprint"]');
    await modal.getByRole('list', { name: 'Planned stories' }).getByText('PAY-12').waitFor();
    await modal.getByText('You need permission to schedule issues in this project to add work to a sprint.').waitFor();
    expect(await modal.getByRole('button', { name: /^(Add to sprint|Create task and add)/ }).count()).toBe(0);
    // The gaps' fixes are there, disabled, each with why.
    await modal.getByText('You can’t edit PAY’s stories, so you can’t link a threat here.').waitFor();
    await modal
      .getByText('You can’t edit PAY’s threat model, so you can’t add a mitigation here', { exact: false })
      .first()
      .waitFor();
    await screenshot(page, 'sprint-plan-carol-gaps');
    await actAs(page, 'alice@example.com');
    await page.close();
  });
});

const PROJECT_PAGE = 'Without (threat model)';

/** The Sprint planning tab of PAY's project page, at `width` x 800. */
async function openSprintPlanning(page: Page, url: string, width: number): Promise<FrameLocator> {
  await page.setViewportSize({ width, height: 800 });
  await page.goto(`${url}/projects/PAY/apps/project-page`);
  const app = page.frameLocator(`iframe[title="${PROJECT_PAGE}"]`);
  await app.getByRole('tab', { name: 'Sprint planning' }).click();
  return app;
}

/** "Risk now 35 → after this sprint 32": the two numbers. */
async function headerRisk(app: FrameLocator): Promise<{ now: number; after: number }> {
  const text = (await app.getByRole('tabpanel').getByTestId('sprint-risk').textContent()) ?? '';
  const [, now, after] = /Risk now ([\d.]+) → after this sprint ([\d.]+)/.exec(text) ?? [];
  return { now: Number(now), after: Number(after) };
}

for (const width of [1280, 900]) {
  describeInBrowser(`a product owner plans the next sprint on the project page at ${width} px`, () => {
    const session = demoSession();

    it('opens on the sprint being planned, remembers the sprint picked, and previews the risk as work is ticked', async () => {
      const { page, errors } = await openPage(session.browser);
      const app = await openSprintPlanning(page, session.app.url, width);
      const panel = app.getByRole('tabpanel');

      // The next future sprint, not the active one: that is the sprint being planned.
      await panel.getByRole('heading', { name: 'PAY Sprint 13' }).waitFor();
      await panel.getByText('PAY Sprint 13 (future)').waitFor();
      await panel.getByRole('list', { name: 'Planned stories' }).getByText('PAY-8').waitFor();
      // Nothing to pull in, and the message says what the gaps above still need.
      await panel
        .getByText(
          'Nothing left to pull in; 5 gaps above still need work: 4 stories without WITHOUT clauses, 1 threat without a mitigation.',
        )
        .waitFor();
      await page.waitForTimeout(300);
      await screenshot(page, `sprint-planning-default-${width}`);

      // Another sprint, picked by keyboard, stays picked when the person leaves the tab and comes back.
      await panel.getByLabel('Sprint', { exact: true }).focus();
      await page.keyboard.press('ArrowDown');
      await panel.getByText('PAY Sprint 12 (active)', { exact: true }).click();
      await panel.getByRole('heading', { name: 'PAY Sprint 12' }).waitFor();
      await app.getByRole('tab', { name: 'Threat model' }).click();
      await app.getByRole('table', { name: 'Threats' }).waitFor();
      await app.getByRole('tab', { name: 'Sprint planning' }).click();
      await panel.getByRole('heading', { name: 'PAY Sprint 12' }).waitFor();

      // Ticking work previews the risk after the sprint with it, before anything is pulled in.
      const preview = panel.getByTestId('pull-in-preview');
      await preview.getByText('Tick work to see the risk after this sprint with it.').waitFor();
      const { now, after } = await headerRisk(app);
      expect(after).toBe(now);
      // M-3 (velocity limits) leaves a quarter of T-2 (12): 9 less; M-4 (four-eyes approval) 9 less of T-3.
      await panel.getByRole('checkbox', { name: 'Select M-3' }).check();
      await preview.getByText(`with the 1 selected: ${after - 9}, down from ${after}; still above`).waitFor();
      await panel.getByRole('checkbox', { name: 'Select M-4' }).check();
      await preview.getByText(`with the 2 selected: ${after - 18}, down from ${after}; still above`).waitFor();
      await page.waitForTimeout(300);
      await screenshot(page, `sprint-planning-preview-${width}`);
      if (width <= 900) {
        const { scrollWidth, clientWidth } = await horizontalOverflow(page, PROJECT_PAGE);
        expect(scrollWidth).toBe(clientWidth);
      }
      await panel.getByRole('checkbox', { name: 'Select M-4' }).uncheck();
      await preview.getByText(`with the 1 selected: ${after - 9}, down from ${after}; still above`).waitFor();
      await panel.getByRole('checkbox', { name: 'Select M-4' }).check();

      // Pulled in, the header says what the preview said.
      await panel.getByRole('button', { name: 'Add selected to sprint' }).click();
      await panel
        .getByTestId('sprint-risk')
        .getByText(`after this sprint ${after - 18}`)
        .waitFor();
      await preview.waitFor({ state: 'detached' });
      await panel.getByText('Nothing left to pull in; 3 gaps above still need work', { exact: false }).waitFor();
      await page.waitForTimeout(300);
      await screenshot(page, `sprint-planning-pulled-in-${width}`);

      // Each gap offers its fix in place. PAY-4's clause links a threat picked by keyboard: focus
      // goes into the picker, and rests on the line that says what was done once the gap is gone.
      const gaps = panel.getByRole('list', { name: 'Sprint warnings' });
      await gaps.getByRole('button', { name: 'Link a threat to the clause of PAY-4' }).click();
      const picker = gaps.getByLabel('Threat', { exact: true });
      await expect(picker.evaluate((input) => input === document.activeElement)).resolves.toBe(true);
      await page.keyboard.type('session');
      await gaps.getByRole('option', { name: /^T-7 Session hijacked/ }).waitFor();
      await page.waitForTimeout(300);
      await screenshot(page, `sprint-planning-link-threat-${width}`);
      await page.keyboard.press('Enter');
      await gaps.getByRole('button', { name: 'Link threat' }).click();
      const linked = panel.getByRole('status').filter({ hasText: 'Linked T-7 to the WITHOUT clause of PAY-4.' });
      await linked.waitFor();
      await expect(linked.evaluate((line) => line === document.activeElement)).resolves.toBe(true);
      await panel.getByText('2 gaps in the security planning of this sprint').waitFor();
      expect(await gaps.getByText('shared Wi-Fi', { exact: false }).count()).toBe(0);

      // T-1, which PAY-1 and PAY-2 both link, gets a mitigation in the Threat model tab's dialog.
      await gaps.getByRole('button', { name: 'Add a mitigation to T-1' }).first().click();
      const dialog = app.getByRole('dialog', { name: 'Add mitigation to T-1' });
      await dialog.getByLabel('Title').fill('Load the payment form from the payment provider’s domain');
      await page.waitForTimeout(300);
      await screenshot(page, `sprint-planning-add-mitigation-${width}`);
      await dialog.getByRole('button', { name: 'Add mitigation' }).click();
      await dialog.waitFor({ state: 'detached' });
      const added = panel
        .getByRole('status')
        .filter({ hasText: /^M-\d+ added to T-1: it is in the work to pull in below\.$/ });
      await added.waitFor();
      await gaps.waitFor({ state: 'detached' });
      await page.waitForTimeout(300);
      await screenshot(page, `sprint-planning-gaps-fixed-${width}`);
      if (width <= 900) {
        const { scrollWidth, clientWidth } = await horizontalOverflow(page, PROJECT_PAGE);
        expect(scrollWidth).toBe(clientWidth);
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  });
}

describeInBrowser('a big sprint on the project page, a page of stories at a time', () => {
  const session = demoSession();

  it('at 1280 px: renders 25 stories of 60, pages through them, and counts the whole sprint', async () => {
    const site = session.app.site;
    const sprintId = site.store.next('sprint', 100);
    site.store.put('sprint', sprintId, { id: sprintId, boardId: 1, name: 'PAY Big sprint', state: 'future', goal: '' });
    addSprintStories(site, sprintId, 60);
    const { page, errors } = await openPage(session.browser);
    const app = await openSprintPlanning(page, session.app.url, 1280);
    const panel = app.getByRole('tabpanel');
    await panel.getByRole('heading', { name: 'PAY Sprint 13' }).waitFor();
    await panel.getByLabel('Sprint', { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await panel.getByText('PAY Big sprint (future)', { exact: true }).click();

    const stories = panel.getByRole('list', { name: 'Planned stories' });
    await panel.getByRole('heading', { name: 'Planned stories (60)' }).waitFor();
    await panel.getByText('Stories 1–25 of 60').waitFor();
    expect(await stories.locator(':scope > li').count()).toBe(25);
    const firstKey = await stories.locator(':scope > li').first().getByRole('link').first().textContent();

    await panel.getByRole('button', { name: 'Next stories' }).click();
    await panel.getByText('Stories 26–50 of 60').waitFor();
    expect(await stories.locator(':scope > li').count()).toBe(25);
    expect(await stories.getByText(firstKey ?? '?', { exact: true }).count()).toBe(0);
    await panel.getByRole('button', { name: 'Next stories' }).click();
    await panel.getByText('Stories 51–60 of 60').waitFor();
    expect(await stories.locator(':scope > li').count()).toBe(10);
    expect(await panel.getByRole('button', { name: 'Next stories' }).isDisabled()).toBe(true);
    await page.waitForTimeout(300);
    await screenshot(page, 'sprint-planning-big-sprint-last-page-1280');
    expect(errors).toEqual([]);
    await page.close();
  });
});
