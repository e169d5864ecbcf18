import type { LocalSite } from '../../../local/site/server';
import { siteClient } from '../../../test/support/jira-clients';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { storyClausesValue } from '../../domain/story/story-clauses';
import { FIELD_NOT_ON_SCREEN, writeStoryClauses } from './story-repository';

// Jira refuses a field that is not on the issue type's edit screen, and a Forge field is on no
// screen until an administrator adds it. The person is told what to do, not Jira's field id.

describe('writing clauses where the field is on no screen', () => {
  let site: LocalSite;
  beforeEach(async () => (site = await startTestSite({ demo: true })));
  afterEach(() => site.close());

  it('fails with a sentence that names the field and the administrator’s fix', async () => {
    const fieldId = site.store.all('customField').find((f) => f.moduleKey === 'without-clauses')!.id;
    const epic = await restAs(site, 'alice')('POST', '/rest/api/3/issue', {
      fields: { project: { key: 'PAY' }, issuetype: { name: 'Epic' }, summary: 'Checkout' },
    });
    const value = storyClausesValue([{ id: 'c1', text: 'losing the cart', threatIds: [] }], [], 1);
    const write = writeStoryClauses(siteClient(site, '712020:alice'), String(epic.body?.id), fieldId, value);
    await expect(write).rejects.toMatchObject({ kind: 'BAD_REQUEST', message: FIELD_NOT_ON_SCREEN });
    await expect(write).rejects.toMatchObject({ details: [FIELD_NOT_ON_SCREEN] });
  });
});
