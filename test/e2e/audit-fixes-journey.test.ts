import type { FrameLocator, Locator, Page } from 'playwright-core';
import { restAs } from '../support/local-site';
import { searchOnceIndexed } from './support/search-index';
import path from 'node:path';
import { actAs, demoSession, describeInBrowser, openPage, screenshot, SCREENSHOTS } from './support/browser';

// Issue 17, item 5: the audit's fixes work in place on the Audit tab, and the finding goes once
// the audit runs again; a browse-only person finds each of them disabled, with the reason.
describeInBrowser('the audit fixes that work in place', () => {
  const session = demoSession();
  const JQL = 'project = PAY AND "WITHOUT clauses".threat = "T-99"';

  /** PAY-1 links T-99, which the threat model does not have: written through the REST API. */
  async function linkUnknownThreat() {
    const alice = restAs(session.app.site, 'alice');
    const fields = (await alice('GET', '/rest/api/3/field')).body as unknown as Array<{ id: string; name: string }>;
    const fieldId = fields.find((f) => f.name === 'WITHOUT clauses')!.id;
    const read = (await alice('GET', `/rest/api/3/issue/PAY-1?fields=${fieldId}`)).body as {
      fields: Record<string, { clauses: unknown[]; directThreatIds: string[]; threatIds: string[]; revision: number }>;
    };
    const value = read.fields[fieldId]!;
    await alice('PUT', '/rest/api/3/issue/PAY-1', {
      fields: {
        [fieldId]: {
          ...value,
          directThreatIds: [...value.directThreatIds, 'T-99'],
          threatIds: [...value.threatIds, 'T-99'],
          revision: value.revision + 1,
        },
      },
    });
    // The audit finds stories by search, which lags writes: wait until it sees the link.
    expect(await searchOnceIndexed(session.app.site, 'alice', JQL, (keys) => keys.includes('PAY-1'))).toContain(
      'PAY-1',
    );
    return fieldId;
  }

  async function openAudit(page: Page, email = 'alice@example.com'): Promise<FrameLocator> {
    await page.goto(`${session.app.url}/projects/PAY/apps/project-page`);
    await actAs(page, email);
    const app = page.frameLocator('iframe[title="Without (threat model)"]');
    await app.getByRole('tab', { name: 'Audit' }).click();
    return app;
  }

  const rowOf = (app: FrameLocator, prefix: string): Locator =>
    app.getByRole('table', { name: 'Audit findings' }).locator(`tr[data-testid^="finding-${prefix}"]`).first();

  it('as alice: adds a mitigation, reviews one, removes a dead link and reads the suggestions, each in place', async () => {
    const fieldId = await linkUnknownThreat();
    const { page, errors } = await openPage(session.browser);
    const app = await openAudit(page);
    await app.getByRole('button', { name: 'Run audit' }).click();
    await app.getByText(/^Last complete audit:/).waitFor({ timeout: 20_000 });

    // Add a mitigation: T-1 (Critical) has none. An accepted one counts, so the finding goes.
    const noMitigation = rowOf(app, 'threat-without-mitigation:T-1');
    await noMitigation.getByRole('button', { name: 'Add a mitigation' }).click();
    const form = app.getByRole('dialog', { name: 'Add mitigation to T-1' });
    await form.getByLabel('Title').fill('Tokenise card numbers at the edge');
    // An @atlaskit select, from the keyboard: open its menu (Proposed first), move to Accepted, choose it.
    await form.getByLabel('Status').focus();
    await page.keyboard.press('ArrowDown');
    await form.getByRole('option', { name: 'Accepted', exact: true }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await form.getByText('Accepted', { exact: true }).waitFor();
    await screenshot(page, 'audit-fix-add-mitigation');
    await form.getByRole('button', { name: 'Add mitigation' }).click();
    await form.waitFor({ state: 'detached' });
    await app.getByTestId('finding-threat-without-mitigation:T-1').waitFor({ state: 'detached', timeout: 20_000 });

    // Remove the link: asks first, says what it removed, and the finding goes.
    const dead = rowOf(app, 'link-to-unknown-threat:PAY-1');
    await dead.getByRole('button', { name: 'Remove the link' }).click();
    await dead.getByText(/Remove T-99 \(not in the threat model\) from PAY-1’s WITHOUT clauses/).waitFor();
    await dead.getByRole('button', { name: 'Remove T-99' }).click();
    await app.locator('tr[data-testid^="finding-link-to-unknown-threat:PAY-1"]').waitFor({
      state: 'detached',
      timeout: 20_000,
    });
    const story = (await restAs(session.app.site, 'alice')('GET', `/rest/api/3/issue/PAY-1?fields=${fieldId}`))
      .body as { fields: Record<string, { threatIds: string[] }> };
    expect(story.fields[fieldId]!.threatIds).not.toContain('T-99');
    expect(story.fields[fieldId]!.threatIds).toContain('T-1');

    // The demo's PAY-20 links T-12, which is retired: removed the same way.
    const retired = rowOf(app, 'link-to-retired-threat:PAY-20');
    await retired.getByRole('button', { name: 'Remove the link' }).click();
    await retired.getByRole('button', { name: 'Remove T-12' }).click();
    await app.locator('tr[data-testid^="finding-link-to-retired-threat:PAY-20"]').waitFor({
      state: 'detached',
      timeout: 20_000,
    });

    // Review its mitigations: T-3 has only M-4, proposed. Accepting it there makes the finding go.
    const review = rowOf(app, 'threat-without-mitigation:T-3');
    await review.getByRole('button', { name: 'Review its mitigations' }).click();
    const list = app.getByRole('dialog', { name: 'Mitigations of T-3' });
    await list.getByRole('button', { name: 'Edit M-4' }).click();
    const edit = app.getByRole('dialog', { name: 'Edit M-4' });
    await edit.getByLabel('Status').focus();
    await page.keyboard.press('ArrowDown');
    await edit.getByRole('option', { name: 'Accepted', exact: true }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await screenshot(page, 'audit-fix-review-mitigations');
    // Saved: back on the list. The frame narrows past the compact width and widens again (a
    // window resized; a full-page screenshot does it for a moment): the fix moves under its
    // finding and back, and the list stays open, with its save still to audit.
    await page.setViewportSize({ width: 700, height: 900 });
    await app.getByRole('columnheader', { name: 'Finding and fix' }).waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });
    await app.getByRole('columnheader', { name: 'Fix', exact: true }).waitFor();
    // It closes to audit again (none is under way: the last one took PAY-20's row away).
    await list.getByRole('button', { name: 'Close Modal' }).click();
    await app.getByTestId('finding-threat-without-mitigation:T-3').waitFor({ state: 'detached', timeout: 20_000 });

    // Suggest threats: the story's suggestions, listed in its row (reading them changes nothing).
    const needs = rowOf(app, 'story-needs-threat-modeling:PAY-5');
    // At 900 px, where the fix sits under its finding (set first: the row's layout changes with the width).
    await page.setViewportSize({ width: 900, height: 800 });
    await needs.getByRole('button', { name: 'Suggest threats for PAY-5' }).click();
    await needs.getByRole('list', { name: 'Suggested threats for PAY-5' }).waitFor();
    await screenshot(page, 'audit-fix-suggestions-900');
    await needs.screenshot({ path: path.join(SCREENSHOTS, 'audit-fix-suggestions-row-900.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('as carol (browse only): each fix that writes is disabled, with the reason', async () => {
    const { page } = await openPage(session.browser);
    const app = await openAudit(page, 'carol@example.com');
    await app.getByRole('table', { name: 'Audit findings' }).waitFor();
    const checked: string[] = [];
    for (const [prefix, label, reason] of [
      ['clause-without-threat', 'Link a threat', /can’t edit PAY’s stories, so you can’t link a threat here/],
      ['mitigation-without-task', 'Create the task', /can’t create and link issues in PAY/],
      ['threat-without-mitigation', /Add a mitigation|Review its mitigations/, /can’t edit PAY’s threat model/],
      ['threat-without-story', 'Link to a story', /can’t edit PAY’s stories, so you can’t link T-\d+ to one here/],
      [
        'story-threat-uncovered',
        'Add a WITHOUT clause',
        /can’t edit PAY’s stories, so you can’t add a clause to PAY-2/,
      ],
    ] as const) {
      const row = rowOf(app, prefix);
      if ((await row.count()) === 0) continue;
      const button = row.getByRole('button', { name: label });
      expect(await button.isDisabled()).toBe(true);
      await row.getByText(reason).waitFor();
      checked.push(prefix);
    }
    // The demo has a clause without a threat and threats without mitigations after alice's fixes.
    // The demo has a threat linked to no story (T-7) and PAY-2's direct link to T-1, uncovered.
    expect(checked).toEqual(
      expect.arrayContaining([
        'clause-without-threat',
        'threat-without-mitigation',
        'threat-without-story',
        'story-threat-uncovered',
      ]),
    );
    await page.setViewportSize({ width: 900, height: 800 });
    await screenshot(page, 'audit-fixes-browse-only-900');
    await rowOf(app, 'threat-without-mitigation').screenshot({
      path: path.join(SCREENSHOTS, 'audit-fixes-browse-only-row-900.png'),
    });
    await rowOf(app, 'threat-without-story').screenshot({
      path: path.join(SCREENSHOTS, 'audit-fixes-browse-only-link-story-900.png'),
    });
    await actAs(page, 'alice@example.com');
    await page.close();
  });

  /** Whether the app's frame scrolls sideways (it must not, at 900 px either). */
  async function overflowsSideways(page: Page): Promise<boolean> {
    const frame = page.frame({ url: /\/forge\/resource\// })!;
    return frame.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  }

  /** The clauses field's value of a story, as Jira has it now. */
  async function clausesOf(key: string) {
    const alice = restAs(session.app.site, 'alice');
    const fields = (await alice('GET', '/rest/api/3/field')).body as unknown as Array<{ id: string; name: string }>;
    const fieldId = fields.find((f) => f.name === 'WITHOUT clauses')!.id;
    const read = (await alice('GET', `/rest/api/3/issue/${key}?fields=${fieldId}`)).body as {
      fields: Record<string, { clauses: Array<{ text: string; threatIds: string[] }> }>;
    };
    return read.fields[fieldId]!.clauses;
  }

  it('as alice: links a threat to a story she finds by its words, and covers a story’s direct link with a new clause', async () => {
    const { page, errors } = await openPage(session.browser);
    const app = await openAudit(page);
    await app.getByRole('table', { name: 'Audit findings' }).waitFor();

    // Link to a story: T-7 (session hijacking) is linked to none. Alice finds PAY-4 by words of
    // its summary, keeps the new clause drafted from the threat's title, edits it, and links.
    const unlinked = rowOf(app, 'threat-without-story:T-7');
    await unlinked.getByLabel('Story').fill('signed in');
    await app.getByRole('option', { name: /^PAY-4 As a buyer, I want to stay signed in/ }).click();
    const draft = unlinked.getByRole('textbox', { name: 'New WITHOUT clause of PAY-4 for T-7' });
    expect(await draft.inputValue()).toBe('session hijacked through a stolen session cookie');
    await draft.fill('my session cookie being stolen on an open network');
    await screenshot(page, 'audit-fix-link-story-1280');
    await unlinked.screenshot({ path: path.join(SCREENSHOTS, 'audit-fix-link-story-row-1280.png') });
    await unlinked.getByRole('button', { name: 'Link T-7 to PAY-4' }).click();
    await app.getByTestId('finding-threat-without-story:T-7').waitFor({ state: 'detached', timeout: 20_000 });
    expect(await clausesOf('PAY-4')).toContainEqual({
      id: expect.any(String),
      text: 'my session cookie being stolen on an open network',
      threatIds: ['T-7'],
    });

    // At 900 px the fix sits under its finding (the row's layout changes with the width, so set
    // first): T-9 to PayPal's story, whose summary has no clause yet, read but not linked.
    await page.setViewportSize({ width: 900, height: 800 });
    const webhook = rowOf(app, 'threat-without-story:T-9');
    // A mitigation task is no story (the audit does not read a task's clauses): its number, typed
    // as a key, finds nothing, where it offered the task before.
    const task = session.app.site.store.all('issue').find((i) => i.properties['without.task'] !== undefined)!;
    const taskNumber = task.key.split('-')[1]!;
    await webhook.getByLabel('Story').fill(taskNumber);
    await app.getByText(`No story of PAY matches “${taskNumber}”`).waitFor();
    await webhook.getByLabel('Story').fill('paypal');
    await app.getByRole('option', { name: /^PAY-10 As a buyer, I want to pay with PayPal/ }).click();
    await webhook.getByRole('textbox', { name: 'New WITHOUT clause of PAY-10 for T-9' }).waitFor();
    await webhook.screenshot({ path: path.join(SCREENSHOTS, 'audit-fix-link-story-row-900.png') });
    expect(await overflowsSideways(page)).toBe(false);

    // Add a WITHOUT clause, at 900 px: PAY-2 links T-1 directly, no clause of it covers T-1.
    const uncovered = rowOf(app, 'story-threat-uncovered:PAY-2:T-1');
    const addClause = uncovered.getByRole('button', { name: 'Add a WITHOUT clause' });
    await addClause.click();
    // Escape closes it, and focus goes back to the button that opened it (not to the top of the frame).
    await page.keyboard.press('Escape');
    expect(await addClause.evaluate((button) => button === document.activeElement)).toBe(true);
    await addClause.click();
    const clause = uncovered.getByRole('textbox', { name: 'New WITHOUT clause of PAY-2 for T-1' });
    expect(await clause.inputValue()).toBe('card details skimmed by a malicious script on the checkout page');
    await screenshot(page, 'audit-fix-add-clause-900');
    await uncovered.screenshot({ path: path.join(SCREENSHOTS, 'audit-fix-add-clause-row-900.png') });
    expect(await overflowsSideways(page)).toBe(false);
    await page.setViewportSize({ width: 1280, height: 800 });
    await uncovered.screenshot({ path: path.join(SCREENSHOTS, 'audit-fix-add-clause-row-1280.png') });
    await uncovered.getByRole('button', { name: 'Add clause' }).click();
    await app.getByTestId('finding-story-threat-uncovered:PAY-2:T-1').waitFor({ state: 'detached', timeout: 20_000 });
    expect(await clausesOf('PAY-2')).toContainEqual({
      id: expect.any(String),
      text: 'card details skimmed by a malicious script on the checkout page',
      threatIds: ['T-1'],
    });
    // Both fixes went through the story save path as alice: no other clause of the stories changed.
    expect((await clausesOf('PAY-2')).map((c) => c.text)).toContain('anyone else being able to pay with my saved card');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('as alice, at 900 px: a mitigation whose task was released gets a new one from “Create the task”', async () => {
    // The demo's velocity limits (accepted, To Do task): someone makes its task an ordinary issue.
    const alice = restAs(session.app.site, 'alice');
    const jql = 'project = PAY AND labels = without-mitigation AND summary ~ "Velocity limits"';
    const [old] = await searchOnceIndexed(session.app.site, 'alice', jql, (keys) => keys.length === 1);
    expect(old).toMatch(/^PAY-\d+$/);
    expect((await alice('DELETE', `/rest/api/3/issue/${old}/properties/without.task`)).status).toBe(204);
    expect((await alice('PUT', `/rest/api/3/issue/${old}`, { fields: { labels: [] } })).status).toBe(204);
    expect(await searchOnceIndexed(session.app.site, 'alice', jql, (keys) => keys.length === 0)).toEqual([]);

    const { page, errors } = await openPage(session.browser);
    await page.setViewportSize({ width: 900, height: 800 });
    const app = await openAudit(page);
    await app.getByRole('button', { name: 'Run audit' }).click();
    const row = app
      .getByRole('table', { name: 'Audit findings' })
      .locator('tr[data-testid^="finding-mitigation-without-task:"]', { hasText: old! });
    await row.waitFor({ timeout: 20_000 });
    await row.getByText(/under a security level the app is not in/).waitFor();
    await screenshot(page, 'audit-fix-gone-task-900');
    await row.screenshot({ path: path.join(SCREENSHOTS, 'audit-fix-gone-task-row-900.png') });
    await row.getByRole('button', { name: 'Create the task' }).click();
    await row.waitFor({ state: 'detached', timeout: 20_000 });
    const made = await searchOnceIndexed(session.app.site, 'alice', jql, (keys) => keys.length === 1);
    expect(made).toHaveLength(1);
    expect(made[0]).not.toBe(old);
    expect(errors).toEqual([]);
    await page.close();
  });
});
