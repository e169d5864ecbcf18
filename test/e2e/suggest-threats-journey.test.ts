import { actAs, describeInBrowser, demoSession, openPage, screenshot } from './support/browser';

const CARD_THREAT = 'Card data disclosed in transit or at rest';

describeInBrowser('a developer adds a suggested threat from the knowledge base', () => {
  const session = demoSession();

  it('as bob on PAY-1: TOP suggestions propose card-data disclosure; accepting links it with its mitigations proposed', async () => {
    const { page, errors } = await openPage(session.browser);
    await page.goto(`${session.app.url}/browse/PAY-1`);
    await actAs(page, 'bob@example.com');
    const panel = page.frameLocator('iframe[title="WITHOUT clauses"]');

    await panel.getByRole('button', { name: 'Suggest threats' }).click();
    const suggestions = panel.getByRole('list', { name: 'Suggested threats' });
    await suggestions.waitFor();
    await panel.getByRole('button', { name: 'TOP', pressed: true }).waitFor();
    const card = panel.getByTestId('suggestion-WEB-I-01');
    await card.getByText(CARD_THREAT, { exact: true }).waitFor();
    await card.getByText(/Why it matched: .*card/).waitFor();
    await card.getByText('Keep card data away from our systems with hosted payment fields and tokens').waitFor();
    await screenshot(page, 'suggest-threats-top');

    await card.getByLabel('Link to').selectOption({ label: 'WITHOUT having my card data stolen' });
    await card.getByRole('button', { name: `Add and link: ${CARD_THREAT}` }).click();
    await card.getByText('Linked', { exact: true }).waitFor();
    await panel
      .getByRole('status')
      .getByText(`${CARD_THREAT} is linked to this story, with its mitigations proposed.`)
      .waitFor();

    // The clause now shows the new threat (T-13, High 15) and its mitigations, proposed.
    await panel.getByRole('img', { name: `T-13 High 15: ${CARD_THREAT}` }).waitFor();
    // Four mitigations would start folded; the threat just linked opens them for review.
    expect(await panel.getByRole('button', { name: 'Mitigations of T-13 (4)' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    const mitigations = panel.locator('[data-testid^="mitigation-T-13-"]');
    await mitigations.first().waitFor();
    expect(await mitigations.count()).toBe(4);
    for (const item of await mitigations.all())
      expect(await item.getByText('Proposed', { exact: true }).count()).toBe(1);
    await card.getByText('In the model as T-13').waitFor();
    await screenshot(page, 'suggest-threats-accepted');

    await page.reload();
    const again = page.frameLocator('iframe[title="WITHOUT clauses"]');
    await again.getByRole('img', { name: `T-13 High 15: ${CARD_THREAT}` }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('as carol: the suggestions are shown without the action to add them', async () => {
    const { page } = await openPage(session.browser);
    await page.goto(`${session.app.url}/browse/PAY-1`);
    await actAs(page, 'carol@example.com');
    const panel = page.frameLocator('iframe[title="WITHOUT clauses"]');
    await panel.getByRole('button', { name: 'Suggest threats' }).click();
    await panel.getByTestId('suggestion-WEB-I-01').getByText(CARD_THREAT, { exact: true }).waitFor();
    await panel.getByText(/Adding one takes permission/).waitFor();
    expect(await panel.getByRole('button', { name: /^(Add and link|Link T-)/ }).count()).toBe(0);
    await actAs(page, 'alice@example.com');
    await page.close();
  });
});
