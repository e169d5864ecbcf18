import { demoSession, describeInBrowser, openPage, screenshot } from './support/browser';

// Issue 18, item 1: stories that need WITHOUT clauses and have none. On the demo, PAY-5
// (password reset), PAY-7 (partial refund) and PAY-15 (delete my account) match templates of
// the built-in knowledge base (its TOP list) and have no clause; 9 of the 18 stories have clauses.
describeInBrowser('a security champion finds the stories that need threat modeling', () => {
  const session = demoSession();

  it('as alice: the audit lists PAY-5, PAY-7 and PAY-15 with the words that matched, and the Threat model tab shows coverage', async () => {
    const { page, errors } = await openPage(session.browser);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${session.app.url}/projects/PAY/apps/project-page`);
    const app = page.frameLocator('iframe[title="Without (threat model)"]');
    await app.getByTestId('project-coverage').getByText('Coverage: run the audit').waitFor();
    await app.getByRole('tab', { name: 'Audit' }).click();
    await app.getByRole('button', { name: 'Run audit' }).click();
    await app.getByText(/^Last complete audit:/).waitFor({ timeout: 20_000 });

    const table = app.getByRole('table', { name: 'Audit findings' });
    for (const [key, word] of [
      ['PAY-5', 'summary mentions "password"'],
      ['PAY-7', 'summary mentions "refund"'],
      ['PAY-15', 'summary mentions "personal data"'],
    ]) {
      const row = table.getByTestId(`finding-story-needs-threat-modeling:${key}`);
      await row.waitFor();
      expect(await row.textContent()).toContain(word);
    }
    // A Task (PAY-17) and a Bug (PAY-18) are no stories under the default settings.
    expect(await table.getByTestId('finding-story-needs-threat-modeling:PAY-17').count()).toBe(0);
    expect(await table.getByTestId('finding-story-needs-threat-modeling:PAY-18').count()).toBe(0);
    await screenshot(page, 'unmapped-audit');

    await app.getByRole('tab', { name: 'Threat model' }).click();
    const coverage = app.getByTestId('project-coverage');
    await coverage.getByText(/50%/).waitFor();
    expect(await coverage.textContent()).toContain(
      '9 of 18 stories in this project that need WITHOUT clauses have them',
    );
    await screenshot(page, 'unmapped-threat-model-coverage');
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    [1280, 800],
    [900, 800],
  ])(
    'at %i px: Sprint 13 counts its unmapped stories as gaps, with coverage, and "Suggest threats" is one click',
    async (width, height) => {
      const { page, errors } = await openPage(session.browser);
      await page.setViewportSize({ width, height });
      await page.goto(`${session.app.url}/projects/PAY/backlog`);
      await page
        .locator('section.sprint', { hasText: 'PAY Sprint 13' })
        .getByRole('button', { name: 'Security work for this sprint' })
        .click();
      const modal = page.frameLocator('iframe[title="Security work for this sprint"]');
      const coverage = modal.getByTestId('sprint-coverage');
      await coverage.waitFor();
      // Sprint 13: PAY-5, PAY-7, PAY-8 (clauses), PAY-10 and PAY-16, all stories the rules match.
      expect(await coverage.textContent()).toContain(
        '1 of 5 stories in this sprint that need WITHOUT clauses have them',
      );
      expect(await coverage.textContent()).toContain('20%');

      const gaps = modal.getByRole('list', { name: 'Sprint warnings' });
      for (const key of ['PAY-5', 'PAY-7', 'PAY-10', 'PAY-16'])
        await gaps.getByText(`${key} has no WITHOUT clause`, { exact: false }).waitFor();
      expect(await gaps.getByText('PAY-8 has no WITHOUT clause', { exact: false }).count()).toBe(0);

      const suggest = modal.getByRole('button', { name: 'Suggest threats for PAY-5' });
      await suggest.scrollIntoViewIfNeeded();
      await suggest.click();
      const suggestions = modal.getByRole('list', { name: 'Suggested threats for PAY-5' });
      await suggestions.waitFor();
      expect(await suggestions.getByRole('listitem').count()).toBe(5);
      await suggest.scrollIntoViewIfNeeded();
      await screenshot(page, `unmapped-sprint-13-${width}`);
      // Nothing of the gap runs off the side at this width.
      const box = await suggest.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(width);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
