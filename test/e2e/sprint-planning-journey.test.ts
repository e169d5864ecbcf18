import { restAs } from '../support/local-site';
import { actAs, demoSession, describeInBrowser, openPage, screenshot } from './support/browser';

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
    await actAs(page, 'alice@example.com');
    await page.close();
  });
});
