import type { Download, FrameLocator, Locator, Page } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeShard, encodeShard, type ModelRecord } from '../../src/jira/threat-model/threat-model-shards';
import { restAs } from '../support/local-site';
import { searchOnceIndexed } from './support/search-index';
import { actAs, demoSession, describeInBrowser, openPage, screenshot, SCREENSHOTS } from './support/browser';

// Issue 17: "an audit fix of each kind removes its finding". The findings about values someone
// wrote through Jira's REST API (a story's clauses, a task's property), tasks of deleted
// mitigations or threats, issues that only claim to be a task, and stories done before their
// mitigations: each fix shows the raw value first, writes as the person, and the finding is gone
// after the audit runs again, at 1280x800 and at 900 px. Carol (browse only) finds each disabled.
// The threat model's own unreadable parts (a shard that is not one, a record inside a shard that
// is not a threat), written through the REST API by a project administrator: alice sees each raw,
// downloads it, removes it after a question, and "Threat model not readable" goes.
describeInBrowser('the audit fixes for values, tasks and stories done too early', () => {
  const session = demoSession();
  const tasks = { m2: '', m3: '' };
  let doneStory = '';

  const keysOf = async (jql: string) => {
    const answer = await restAs(session.app.site, 'alice')('POST', '/rest/api/3/search/jql', { jql, fields: ['id'] });
    return ((answer.body?.issues ?? []) as Array<{ key: string }>).map((i) => i.key);
  };
  const property = async (key: string) =>
    (await restAs(session.app.site, 'alice')('GET', `/rest/api/3/issue/${key}/properties/without.task`)).body?.value;
  const markDone = (key: string) =>
    restAs(session.app.site, 'bob')('POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '41' } });

  const projectProperty = async (key: string) =>
    (await restAs(session.app.site, 'alice')('GET', `/rest/api/3/project/PAY/properties/${key}`)).body?.value;
  const putProjectProperty = (key: string, value: unknown) =>
    restAs(session.app.site, 'alice')('PUT', `/rest/api/3/project/PAY/properties/${key}`, value);
  /** A shard that is not one, as a project administrator can write it through the REST API. */
  const BROKEN_SHARD = {
    v: 2,
    revision: 1,
    encoding: 'deflate-base64',
    // As long as a real shard's data, one word: the raw value must scroll in its box, not widen the row.
    data: `written-by-hand-not-deflated-${'QUJDREVGR0g'.repeat(2_500)}`,
  };
  /** A record in shard 0 (the demo's threats) that is not a threat: the rest of the shard reads. */
  const BROKEN_ENTRY = { id: 'T-77', title: 42, note: `written by hand through the REST API ${'x'.repeat(400)}` };
  async function breakShardEntry() {
    const decoded = decodeShard(await projectProperty('without.model.shard.0'));
    if ('error' in decoded) throw new Error(decoded.error);
    await putProjectProperty(
      'without.model.shard.0',
      encodeShard([...decoded.entries, BROKEN_ENTRY] as ModelRecord[], decoded.revision + 1),
    );
  }

  /** Values bob writes by hand through the REST API, as anyone who may edit an issue can. */
  async function breakValues() {
    const bob = restAs(session.app.site, 'bob');
    tasks.m2 = (await keysOf('project = PAY AND issue.property[without.task].mitigationId = "M-2"'))[0]!;
    tasks.m3 = (await keysOf('project = PAY AND issue.property[without.task].mitigationId = "M-3"'))[0]!;
    doneStory = (await keysOf('project = PAY AND "WITHOUT clauses".threat = "T-2"'))[0]!;
    const fields = (await bob('GET', '/rest/api/3/field')).body as unknown as Array<{ id: string; name: string }>;
    const fieldId = fields.find((f) => f.name === 'WITHOUT clauses')!.id;
    for (const key of ['PAY-1', 'PAY-2'])
      await bob('PUT', `/rest/api/3/issue/${key}`, {
        fields: { [fieldId]: { clauses: [{ id: 'x', text: 'ok text', threatIds: ['not-a-threat'] }], revision: 9 } },
      });
    await bob('PUT', `/rest/api/3/issue/${tasks.m3}/properties/without.task`, { v: 9, mitigation: 'M-3' });
    await bob('PUT', '/rest/api/3/issue/PAY-13', { update: { labels: [{ add: 'without-mitigation' }] } });
    const claim = (mitigationId: string, threatIds: string[]) => ({ v: 1, mitigationId, threatIds, projectKey: 'PAY' });
    await bob('PUT', `/rest/api/3/issue/${tasks.m2}/properties/without.task`, claim('M-2', ['T-5', 'T-98']));
    await bob('PUT', '/rest/api/3/issue/PAY-15/properties/without.task', claim('M-99', ['T-2']));
    await bob('PUT', '/rest/api/3/issue/PAY-3/properties/without.task', claim('M-3', ['T-2']));
    await bob('PUT', '/rest/api/3/issue/PAY-6/properties/without.task', claim('M-2', ['T-5']));
    await markDone(doneStory);
    await putProjectProperty('without.model.shard.9', BROKEN_SHARD);
    // The audit finds issues through search, which lags writes: wait until it sees the last ones.
    const claimed = 'project = PAY AND issue.property[without.task].mitigationId IS NOT EMPTY';
    await searchOnceIndexed(session.app.site, 'bob', claimed, (keys) => keys.includes('PAY-6'));
    await searchOnceIndexed(session.app.site, 'bob', `key = ${doneStory} AND statusCategory = Done`, (keys) =>
      keys.includes(doneStory),
    );
  }

  async function openAudit(page: Page, email = 'alice@example.com'): Promise<FrameLocator> {
    await page.goto(`${session.app.url}/projects/PAY/apps/project-page`);
    await actAs(page, email);
    const app = page.frameLocator('iframe[title="Without (threat model)"]');
    await app.getByRole('tab', { name: 'Audit' }).click();
    return app;
  }

  const rowOf = (app: FrameLocator, id: string): Locator =>
    app.getByRole('table', { name: 'Audit findings' }).getByTestId(`finding-${id}`);
  const gone = (app: FrameLocator, id: string) => rowOf(app, id).waitFor({ state: 'detached', timeout: 30_000 });

  /** Whether the app's frame scrolls sideways (it must not, at 900 px either). */
  async function overflowsSideways(page: Page): Promise<boolean> {
    const frame = page.frame({ url: /\/forge\/resource\// })!;
    return frame.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  }

  /** Opens a value fix, shows its raw value, screenshots the row, applies it, and waits for the finding to go. */
  async function applyValueFix(
    page: Page,
    app: FrameLocator,
    id: string,
    open: string,
    apply: RegExp | string,
    shot: string,
  ) {
    const row = rowOf(app, id);
    await row.getByRole('button', { name: new RegExp(`^${open}`) }).click();
    // The value as Jira holds it (or that there is none), then the one change offered.
    await row
      .getByText(/in Jira$/)
      .first()
      .waitFor();
    await row.getByRole('button', { name: apply }).waitFor();
    await row.scrollIntoViewIfNeeded();
    await row.screenshot({ path: path.join(SCREENSHOTS, `${shot}.png`) });
    expect(await overflowsSideways(page)).toBe(false);
    await row.getByRole('button', { name: apply }).click();
    await gone(app, id);
  }

  /**
   * Opens the fix of "Threat model not readable", shows the part's raw value, downloads it whole,
   * asks, screenshots the row, removes the part, and waits for the finding to go.
   */
  async function applyModelFix(page: Page, app: FrameLocator, part: string, stored: unknown, shot: string) {
    const row = rowOf(app, 'model-unreadable');
    await row.getByRole('button', { name: 'Review the unreadable parts' }).click();
    await row.getByLabel(part, { exact: true }).waitFor();
    const [download] = (await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: `Download ${part}` }).click(),
    ])) as [Download, void];
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'without-model-part-')), download.suggestedFilename());
    await download.saveAs(file);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(stored);
    await row.getByRole('button', { name: 'Remove this unreadable part' }).click();
    await row.getByText(/This cannot be undone, except by restoring the download/).waitFor();
    await row.scrollIntoViewIfNeeded();
    await row.screenshot({ path: path.join(SCREENSHOTS, `${shot}.png`) });
    expect(await overflowsSideways(page)).toBe(false);
    await row.getByRole('button', { name: 'Remove it' }).click();
    await gone(app, 'model-unreadable');
  }

  it('as carol (browse only): each of these fixes is disabled, with the reason', async () => {
    await breakValues();
    const { page, errors } = await openPage(session.browser);
    const app = await openAudit(page, 'carol@example.com');
    await app.getByRole('button', { name: 'Run audit' }).click();
    await app.getByText(/^Last complete audit:/).waitFor({ timeout: 30_000 });
    for (const [id, label, reason] of [
      [
        'invalid-story-clauses:PAY-2',
        'Review the unreadable value',
        /can’t edit PAY’s issues, so you can’t change PAY-2’s WITHOUT clauses/,
      ],
      [
        `invalid-task-property:${tasks.m3}`,
        'Review the task property',
        /can’t edit PAY’s issues, so you can’t change PAY-\d+’s task property/,
      ],
      [`orphan-task:${tasks.m2}`, 'Update the task’s threats', /can’t edit PAY’s issues/],
      ['orphan-task:PAY-15', 'Unlink the task', /can’t edit PAY’s issues, so you can’t change PAY-15’s task property/],
      [
        'task-unrecorded:PAY-3',
        'Review the task property',
        /can’t edit PAY’s issues, so you can’t change PAY-3’s task property/,
      ],
      [
        `story-done-unmitigated:${doneStory}`,
        'Reopen the story',
        /can’t transition PAY’s issues, so you can’t reopen PAY-\d+/,
      ],
    ] as const) {
      const row = rowOf(app, id);
      await row.waitFor();
      expect(await row.getByRole('button', { name: label }).isDisabled()).toBe(true);
      await row.getByText(reason).waitFor();
    }
    // The unreadable parts of the model: carol may look at them, not remove them.
    const model = rowOf(app, 'model-unreadable');
    await model.getByRole('button', { name: 'Review the unreadable parts' }).click();
    await model.getByLabel('Shard without.model.shard.9', { exact: true }).waitFor();
    expect(await model.getByRole('button', { name: 'Remove this unreadable part' }).isDisabled()).toBe(true);
    await model.getByText('Only administrators of PAY can remove an unreadable part of the threat model.').waitFor();
    await model.scrollIntoViewIfNeeded();
    await model.screenshot({ path: path.join(SCREENSHOTS, 'audit-model-fix-browse-only-row-1280.png') });
    await rowOf(app, `story-done-unmitigated:${doneStory}`).scrollIntoViewIfNeeded();
    await screenshot(page, 'audit-value-fixes-browse-only-1280');
    await page.setViewportSize({ width: 900, height: 800 });
    await rowOf(app, 'orphan-task:PAY-15').screenshot({
      path: path.join(SCREENSHOTS, 'audit-value-fixes-browse-only-row-900.png'),
    });
    expect(await overflowsSideways(page)).toBe(false);
    await actAs(page, 'alice@example.com');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('as alice at 1280x800: each fix shows the raw value, writes as her, and its finding goes', async () => {
    const { page, errors } = await openPage(session.browser);
    await page.setViewportSize({ width: 1280, height: 800 });
    const app = await openAudit(page);
    await app.getByRole('table', { name: 'Audit findings' }).waitFor();

    // An unreadable clauses value: shown, then replaced with no clauses (Jira's history keeps it).
    await applyValueFix(
      page,
      app,
      'invalid-story-clauses:PAY-2',
      'Review the unreadable value',
      'Replace with no clauses',
      'audit-fix-unreadable-clauses-row-1280',
    );
    // An unreadable property on the task the model records for M-3: set again from the model.
    await applyValueFix(
      page,
      app,
      `invalid-task-property:${tasks.m3}`,
      'Review the task property',
      'Set it from M-3',
      'audit-fix-task-property-row-1280',
    );
    expect(await property(tasks.m3)).toEqual({ v: 1, mitigationId: 'M-3', threatIds: ['T-2'], projectKey: 'PAY' });
    // M-2's task names a threat the model does not have: its threats set again from M-2.
    await applyValueFix(
      page,
      app,
      `orphan-task:${tasks.m2}`,
      'Update the task’s threats',
      'Set it from M-2',
      'audit-fix-orphan-threats-row-1280',
    );
    expect(await property(tasks.m2)).toMatchObject({ mitigationId: 'M-2', threatIds: ['T-5'] });
    // PAY-3 only claims M-3 (bob wrote it): the app's property removed.
    await applyValueFix(
      page,
      app,
      'task-unrecorded:PAY-3',
      'Review the task property',
      'Remove the task property',
      'audit-fix-unrecorded-row-1280',
    );
    expect(await property('PAY-3')).toBeUndefined();

    // A shard that is not one: shown raw, downloaded, deleted after asking; the model reads whole.
    await applyModelFix(page, app, 'Shard without.model.shard.9', BROKEN_SHARD, 'audit-fix-model-shard-row-1280');
    expect(await projectProperty('without.model.shard.9')).toBeUndefined();

    // A story done while M-3's task is to do: reopened, after asking.
    const done = rowOf(app, `story-done-unmitigated:${doneStory}`);
    await done.getByRole('button', { name: `Reopen the story ${doneStory}` }).click();
    await done.getByText(/Move PAY-\d+ back to To Do\?/).waitFor();
    await done.scrollIntoViewIfNeeded();
    await done.screenshot({ path: path.join(SCREENSHOTS, 'audit-fix-reopen-row-1280.png') });
    await screenshot(page, 'audit-fix-reopen-1280');
    await done.getByRole('button', { name: `Reopen ${doneStory}` }).click();
    await gone(app, `story-done-unmitigated:${doneStory}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('as alice at 900 px: the same fixes, each under its finding, and each finding goes', async () => {
    await markDone(doneStory);
    await searchOnceIndexed(session.app.site, 'bob', `key = ${doneStory} AND statusCategory = Done`, (keys) =>
      keys.includes(doneStory),
    );
    const { page, errors } = await openPage(session.browser);
    await breakShardEntry();
    await page.setViewportSize({ width: 900, height: 800 });
    const app = await openAudit(page);
    await app.getByRole('button', { name: 'Run audit' }).click();
    await rowOf(app, `story-done-unmitigated:${doneStory}`).waitFor({ timeout: 30_000 });

    await applyValueFix(
      page,
      app,
      'invalid-story-clauses:PAY-1',
      'Review the unreadable value',
      'Replace with no clauses',
      'audit-fix-unreadable-clauses-row-900',
    );
    await screenshot(page, 'audit-fix-values-900');
    // PAY-13 carries the app's label but no property, and the model records it for nothing: released.
    await applyValueFix(
      page,
      app,
      'invalid-task-property:PAY-13',
      'Review the task property',
      'Remove the label',
      'audit-fix-task-label-row-900',
    );
    await applyValueFix(
      page,
      app,
      'orphan-task:PAY-15',
      'Unlink the task',
      'Remove the task property',
      'audit-fix-orphan-task-row-900',
    );
    expect(await property('PAY-15')).toBeUndefined();
    await applyValueFix(
      page,
      app,
      'task-unrecorded:PAY-6',
      'Review the task property',
      'Remove the task property',
      'audit-fix-unrecorded-row-900',
    );

    // A record inside shard 0 that is not a threat: only it goes, the demo's threats stay.
    await applyModelFix(
      page,
      app,
      'Threat T-77 in without.model.shard.0',
      BROKEN_ENTRY,
      'audit-fix-model-entry-row-900',
    );
    const after = decodeShard(await projectProperty('without.model.shard.0'));
    if ('error' in after) throw new Error(after.error);
    expect(after.entries).not.toContainEqual(BROKEN_ENTRY);
    expect(after.entries.map((e) => (e as { id: string }).id)).toContain('T-2');

    const done = rowOf(app, `story-done-unmitigated:${doneStory}`);
    await done.getByRole('button', { name: `Reopen the story ${doneStory}` }).click();
    await done.scrollIntoViewIfNeeded();
    await done.screenshot({ path: path.join(SCREENSHOTS, 'audit-fix-reopen-row-900.png') });
    expect(await overflowsSideways(page)).toBe(false);
    await done.getByRole('button', { name: `Reopen ${doneStory}` }).click();
    await gone(app, `story-done-unmitigated:${doneStory}`);
    const story = (await restAs(session.app.site, 'alice')('GET', `/rest/api/3/issue/${doneStory}?fields=status`))
      .body as { fields: { status: { statusCategory: { key: string } } } };
    expect(story.fields.status.statusCategory.key).toBe('new');
    expect(errors).toEqual([]);
    await page.close();
  });
});
