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
    // Saved: back on the list, which closes to audit again. An audit already under way may take
    // the finding (and its row, with the list) away first: either way the finding goes.
    await list
      .getByRole('button', { name: 'Close Modal' })
      .click({ timeout: 2_000 })
      .catch(() => undefined);
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
    ] as const) {
      const row = rowOf(app, prefix);
      if ((await row.count()) === 0) continue;
      const button = row.getByRole('button', { name: label });
      expect(await button.isDisabled()).toBe(true);
      await row.getByText(reason).waitFor();
      checked.push(prefix);
    }
    // The demo has a clause without a threat and threats without mitigations after alice's fixes.
    expect(checked).toEqual(expect.arrayContaining(['clause-without-threat', 'threat-without-mitigation']));
    await page.setViewportSize({ width: 900, height: 800 });
    await screenshot(page, 'audit-fixes-browse-only-900');
    await rowOf(app, 'threat-without-mitigation').screenshot({
      path: path.join(SCREENSHOTS, 'audit-fixes-browse-only-row-900.png'),
    });
    await actAs(page, 'alice@example.com');
    await page.close();
  });
});
