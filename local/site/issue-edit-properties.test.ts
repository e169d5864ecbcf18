import { restAs, startTestSite } from '../../test/support/local-site';
import type { LocalSite } from './server';

// Jira Cloud's Edit issue takes issue properties in its body: "Issue properties may be updated as
// part of the edit" (PUT /rest/api/3/issue/{issueIdOrKey}, IssueUpdateDetails.properties, a list of
// EntityProperty { key, value }):
// https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-put
// The app stores a story's lock floor that way, beside its clauses. The local site sets them with
// the fields in one write, checks each as the property PUT does (key 1-255 characters, a value, at
// most 32,768 characters: api-group-issue-properties/#api-rest-api-3-issue-issueidorkey-properties-propertykey-put)
// under the edit's Edit issues permission, and a refused edit stores none of it.

describe('Edit issue with properties in its body', () => {
  let site: LocalSite;
  let fieldId: string;
  const value = (text: string) => ({ clauses: [{ id: 'c1', text, threatIds: [] }], threatIds: [] });
  const issue = () => site.store.issueByKey('PAY-3')!;
  const edit = (who: 'alice' | 'carol', body: Record<string, unknown>) =>
    restAs(site, who)('PUT', '/rest/api/3/issue/PAY-3', body);
  const property = async (key: string) => restAs(site, 'alice')('GET', `/rest/api/3/issue/PAY-3/properties/${key}`);

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    fieldId = site.store.all('customField').find((f) => f.moduleKey === 'without-clauses')!.id;
  });
  afterAll(() => site.close());

  it('sets the fields and the properties together, and the property reads back', async () => {
    const answer = await edit('alice', {
      fields: { [fieldId]: value('someone reading my receipts') },
      properties: [
        { key: 'without.lock.floor', value: { floor: 3 } },
        { key: 'other.key', value: [1, 2] },
      ],
    });
    expect(answer.status).toBe(204);
    expect(issue().customFields[fieldId]).toEqual(value('someone reading my receipts'));
    expect((await property('without.lock.floor')).body).toEqual({ key: 'without.lock.floor', value: { floor: 3 } });
    expect((await property('other.key')).body?.value).toEqual([1, 2]);
  });

  it('refuses a property the property PUT refuses, and then stores neither the field nor any property', async () => {
    const before = issue();
    const tooLong = { key: 'without.lock.floor', value: { pad: 'x'.repeat(32_768) } };
    const longKey = { key: 'k'.repeat(256), value: { floor: 1 } };
    const noValue = { key: 'without.lock.floor' };
    for (const bad of [tooLong, longKey, noValue]) {
      const answer = await edit('alice', {
        fields: { [fieldId]: value('changed with a bad property') },
        properties: [{ key: 'fine.key', value: { ok: true } }, bad],
      });
      expect(answer.status).toBe(400);
    }
    expect(issue().customFields[fieldId]).toEqual(before.customFields[fieldId]);
    expect(issue().properties).toEqual(before.properties);
    expect((await property('fine.key')).status).toBe(404);
  });

  it('refuses a field the edit refuses, and then stores no property either', async () => {
    const before = issue();
    const answer = await edit('alice', {
      fields: { [fieldId]: { clauses: 'oops' } },
      properties: [{ key: 'without.lock.floor', value: { floor: 9 } }],
    });
    expect(answer.status).toBe(400);
    expect(issue().properties).toEqual(before.properties);
  });

  it('needs Edit issues, as the property PUT does: carol, a viewer, sets nothing', async () => {
    const before = issue();
    const answer = await edit('carol', { properties: [{ key: 'without.lock.floor', value: { floor: 0 } }] });
    expect(answer.status).toBe(403);
    expect(issue().properties).toEqual(before.properties);
  });
});
