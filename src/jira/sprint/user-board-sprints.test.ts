import type { LocalSite } from '../../../local/site/server';
import { siteClient } from '../../../test/support/jira-clients';
import { restAs, startTestSite } from '../../../test/support/local-site';
import { openSprints } from './sprint-repository';

// A Jira board may belong to a person rather than a project (board location type `user`), and
// its filter may span several projects. Jira lists it for every project its filter refers to,
// so the sprint picker must neither break on it nor offer the sprints made on it.

describe('sprints of a project when a person’s board spans it', () => {
  let site: LocalSite;
  beforeEach(async () => {
    site = await startTestSite({ demo: true });
    const pay = site.store.all('project').find((p) => p.key === 'PAY')!;
    const ops = { id: 10100, key: 'OPS', name: 'Operations', leadAccountId: '712020:alice' };
    site.store.put('project', ops.id, ops);
    site.store.put('board', 90, {
      id: 90,
      name: 'Bob’s board',
      type: 'scrum',
      projectId: ops.id,
      location: { type: 'user', accountId: '712020:bob' },
      filterProjectIds: [pay.id, ops.id],
    });
    site.store.put('sprint', 900, { id: 900, boardId: 90, name: 'OPS on-call week', state: 'active', goal: '' });
  });
  afterEach(() => site.close());

  it('is listed by Jira for the project, located with its owner', async () => {
    const boards = await restAs(site, 'bob')('GET', '/rest/agile/1.0/board?projectKeyOrId=PAY');
    expect(boards.body?.values).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 90, location: expect.objectContaining({ userAccountId: '712020:bob' }) }),
      ]),
    );
  });

  it('offers only the sprints of the project’s own boards, each once', async () => {
    const sprints = await openSprints(siteClient(site, '712020:bob'), 'PAY');
    expect(sprints.map((s) => s.name)).toEqual(['PAY Sprint 12', 'PAY Sprint 13']);
  });

  it('answers no sprints, without failing, for a project that only a person’s board covers', async () => {
    expect(await openSprints(siteClient(site, '712020:bob'), 'OPS')).toEqual([]);
  });
});
