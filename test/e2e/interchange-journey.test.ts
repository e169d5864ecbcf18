import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Download, FrameLocator, Page } from 'playwright-core';
import { addSecondProject } from '../support/second-project';
import { demoSession, describeInBrowser, openPage, screenshot } from './support/browser';

const FRAME = 'iframe[title="Without (threat model)"]';
const TC_EXAMPLE = path.resolve(__dirname, '../../../shared/threat-libraries/threat-composer/ThreatComposer.tc.json');

async function downloaded(
  page: Page,
  start: () => Promise<void>,
): Promise<{ name: string; json: Record<string, unknown> }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), start()])) as [Download, void];
  // The browser runs apart from the test (a remote connection): the file is copied over.
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'without-download-')), download.suggestedFilename());
  await download.saveAs(file);
  return {
    name: download.suggestedFilename(),
    json: JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>,
  };
}

/** The host sizes the app's frame to its content a moment after it renders: screenshots wait for it. */
const frameFitsContent = (page: Page) =>
  page.waitForFunction(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[title="Without (threat model)"]');
    const content = frame?.contentDocument?.documentElement;
    return !!frame && !!content && frame.getBoundingClientRect().height >= content.scrollHeight - 1;
  });

const openTab = async (app: FrameLocator, name: string) => {
  await app.getByRole('tab', { name }).click();
};

describeInBrowser('a security champion moves threat models in and out', () => {
  const session = demoSession();

  it('as alice: exports PAY as OTM and as Threat Composer from the project page', async () => {
    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.app.url}/projects/PAY/apps/project-page`);
    const app = page.frameLocator(FRAME);
    await openTab(app, 'Import / export');
    const otm = await downloaded(page, () => app.getByRole('button', { name: 'Download as OTM' }).click());
    expect(otm.name).toBe('PAY-threat-model.otm.json');
    expect(otm.json).toMatchObject({ otmVersion: '0.2.0', project: { id: 'PAY' } });
    const threats = otm.json.threats as Array<{ id: string; risk: { likelihood: number; impact: number } }>;
    expect(threats.length).toBeGreaterThan(5);
    expect(threats[0]!.id).toBe('T-1');
    await app
      .getByRole('status')
      .getByText(/^Downloaded PAY-threat-model\.otm\.json: \d+ threats, \d+ mitigations\.$/)
      .waitFor();

    const tc = await downloaded(page, () => app.getByRole('button', { name: 'Download as Threat Composer' }).click());
    expect(tc.name).toBe('PAY-threat-model.tc.json');
    expect(tc.json).toMatchObject({ schema: 1, applicationInfo: { name: 'PAY' } });
    expect((tc.json.threats as unknown[]).length).toBe(threats.length);
    expect((tc.json.threats as Array<{ id: string }>)[0]!.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  (fs.existsSync(TC_EXAMPLE) ? it : it.skip)(
    'as alice: imports the Threat Composer example into a new project through the page and sees its 20 threats and 18 mitigations (900 px)',
    async () => {
      const { project } = addSecondProject(session.app.site);
      // SEC starts as a copy of PAY's model; a new project has none.
      for (const p of session.app.site.store.all('projectProperty').filter((p) => p.projectId === project.id))
        session.app.site.store.delete('projectProperty', `${project.id}/${p.key}`);
      const { page, errors } = await openPage(session.browser);
      await page.setViewportSize({ width: 900, height: 800 });
      await page.goto(`${session.app.url}/projects/SEC/apps/project-page`);
      const app = page.frameLocator(FRAME);
      await app.getByText('No threats yet').waitFor();
      await openTab(app, 'Import / export');
      await app.getByLabel('File to import').setInputFiles(TC_EXAMPLE);
      await app.getByRole('button', { name: 'Preview import' }).click();
      const preview = app.getByRole('region', { name: 'Import preview' });
      await preview
        .getByText(
          'ThreatComposer.tc.json ("Threat composer"): 20 threats: 20 to create, 0 to update, 0 unchanged; 18 mitigations: 18 to create, 0 to update, 0 unchanged.',
        )
        .waitFor();
      expect(await preview.getByRole('row').count()).toBe(1 + 38);
      await frameFitsContent(page);
      await screenshot(page, 'interchange-import-preview-900');
      await preview.getByRole('button', { name: 'Import' }).click();
      await app
        .getByRole('status')
        .getByText(
          /^Imported ThreatComposer\.tc\.json: 20 threats: 20 created, 0 updated, 0 unchanged; 18 mitigations: 18 created/,
        )
        .waitFor();

      await openTab(app, 'Threat model');
      await app
        .getByTestId('threat-count')
        .getByText(/^20 threats, /)
        .waitFor();
      await frameFitsContent(page);
      await screenshot(page, 'interchange-imported-threat-model-900');
      // The mitigations, as the model now holds them: an export of SEC lists 18.
      await openTab(app, 'Import / export');
      const exported = await downloaded(page, () =>
        app.getByRole('button', { name: 'Download as Threat Composer' }).click(),
      );
      expect((exported.json.threats as unknown[]).length).toBe(20);
      expect((exported.json.mitigations as unknown[]).length).toBe(18);

      // The same file again: everything is already there, so there is nothing to confirm.
      await app.getByLabel('File to import').setInputFiles(TC_EXAMPLE);
      await app.getByRole('button', { name: 'Preview import' }).click();
      await app.getByText('Everything in the file is already in the threat model.').waitFor();
      expect(
        await app.getByRole('region', { name: 'Import preview' }).getByRole('button', { name: 'Import' }).isDisabled(),
      ).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
