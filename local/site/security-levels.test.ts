import type { LocalSite } from './server';
import { ensureSecurityLevels } from './base-data';
import { ISSUE_NOT_FOUND } from './routes/lookup';
import { restAs, restAsApp, startTestSite } from '../../test/support/local-site';
import { DAVE, addSecondProject } from '../../test/support/second-project';

// Issue security levels as Jira Cloud enforces them: an issue with a level exists only for the
// level's members (here: the project's Administrators role, the people the level names, the
// issue's reporter, and the app). https://support.atlassian.com/jira-cloud-administration/docs/what-are-issue-security-levels/
// In the demo, alice is PAY's administrator (a member); bob (developer) and carol (viewer) may
// browse PAY but are not members.

type Rest = ReturnType<typeof restAs>;
type Answer = Awaited<ReturnType<Rest>>;
interface Level {
  self: string;
  id: string;
  name: string;
  description: string;
}

const keysOf = (answer: Answer) => (answer.body?.issues as Array<{ key: string }>).map((i) => i.key);
const fieldsOf = (answer: Answer) => answer.body?.fields as Record<string, unknown>;
const FIELD_CANNOT_BE_SET = "Field 'security' cannot be set. It is not on the appropriate screen, or unknown.";

describe('issue security levels on the local site', () => {
  let site: LocalSite;
  let alice: Rest;
  let bob: Rest;
  let carol: Rest;
  let app: Rest;
  /** PAY's level, as alice (who may set it) reads it. */
  let level: Level;

  beforeEach(async () => {
    site = await startTestSite({ demo: true });
    [alice, bob, carol, app] = [restAs(site, 'alice'), restAs(site, 'bob'), restAs(site, 'carol'), restAsApp(site)];
    const levels = await alice('GET', '/rest/api/3/project/PAY/securitylevel');
    expect(levels.status).toBe(200);
    level = (levels.body as { levels: Level[] }).levels[0]!;
  });
  afterEach(() => site.close());

  const setLevel = (as: Rest, key: string, security: unknown) =>
    as('PUT', `/rest/api/3/issue/${key}`, { fields: { security } });
  const restrict = async (key: string) => expect((await setLevel(alice, key, { id: level.id })).status).toBe(204);
  const issue = (key: string) => site.store.issueByKey(key)!;
  const issueId = (key: string) => issue(key).id;
  const removeFromAdministrators = (accountId: string) => {
    const id = `${issue('PAY-1').projectId}/10002`;
    const admins = site.store.get('roleMembership', id)!;
    site.store.put('roleMembership', id, { ...admins, accountIds: admins.accountIds.filter((a) => a !== accountId) });
  };
  const search = (as: Rest, jql: string) => as('POST', '/rest/api/3/search/jql', { jql, fields: ['summary'] });
  const count = async (as: Rest, jql: string) =>
    (await as('POST', '/rest/api/3/search/approximate-count', { jql })).body?.count;

  it('gives each project one level, seeded without touching any issue, readable by its id', async () => {
    expect(level).toEqual({
      self: `${site.url}/rest/api/3/securitylevel/10100`,
      id: '10100',
      name: 'Security team',
      description: expect.any(String),
    });
    expect((await bob('GET', '/rest/api/3/securitylevel/10100')).body).toEqual(level);
    // Only people with "Set Issue Security" get the levels they may set, even when they are members.
    expect((await bob('GET', '/rest/api/3/project/PAY/securitylevel')).body).toEqual({ levels: [] });
    site.store.put('securityLevel', '10100', {
      ...site.store.get('securityLevel', '10100')!,
      accountIds: ['712020:bob'],
    });
    expect((await bob('GET', '/rest/api/3/project/PAY/securitylevel')).body).toEqual({ levels: [] });
    expect(site.store.all('issue').filter((i) => i.securityLevelId !== undefined)).toEqual([]);

    // Seeding again (every start does) keeps a level as it was, and a new project gets its own.
    site.store.put('securityLevel', '10100', {
      ...site.store.get('securityLevel', '10100')!,
      accountIds: [DAVE.accountId],
    });
    const { project } = addSecondProject(site);
    ensureSecurityLevels(site.store);
    expect(site.store.get('securityLevel', '10100')?.accountIds).toEqual([DAVE.accountId]);
    expect(site.store.all('securityLevel').map((l) => [l.id, l.projectId])).toEqual([
      ['10100', issue('PAY-1').projectId],
      ['10101', project.id],
    ]);
  });

  it('answers the security field as Jira does, with a level and without', async () => {
    await restrict('PAY-2');
    expect(fieldsOf(await alice('GET', '/rest/api/3/issue/PAY-2')).security).toEqual(level);
    // Without a level, null wherever the field is selected (GET issue's default, *all, by name)…
    const plain = fieldsOf(await alice('GET', '/rest/api/3/issue/PAY-3'));
    expect(plain).toHaveProperty('security', null);
    const found = await alice('POST', '/rest/api/3/search/jql', {
      jql: 'key in (PAY-2, PAY-3) ORDER BY key',
      fields: ['security'],
    });
    expect((found.body?.issues as Array<{ fields: unknown }>).map((i) => i.fields)).toEqual([
      { security: level },
      { security: null },
    ]);
    const all = await alice('GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('key = PAY-3')}&fields=*all`);
    expect((all.body?.issues as Array<{ fields: object }>)[0]!.fields).toHaveProperty('security', null);
    // …and absent when other fields are asked for.
    expect(fieldsOf(await alice('GET', '/rest/api/3/issue/PAY-2?fields=summary'))).toEqual({
      summary: expect.any(String),
    });
  });

  it('hides an issue with a level from a person who may browse the project but is not a member', async () => {
    const before = { search: keysOf(await search(bob, 'project = PAY')), count: await count(bob, 'project = PAY') };
    expect(before.search).toContain('PAY-2');
    await restrict('PAY-2');

    for (const person of [bob, carol]) {
      const read = await person('GET', '/rest/api/3/issue/PAY-2');
      expect(read).toMatchObject({ status: 404, body: { errorMessages: [ISSUE_NOT_FOUND] } });
      expect((await person('GET', `/rest/api/3/issue/${issueId('PAY-2')}`)).status).toBe(404);
    }
    expect(keysOf(await search(bob, 'key = PAY-2'))).toEqual([]);
    expect(keysOf(await search(bob, 'project = PAY'))).toEqual(before.search.filter((k) => k !== 'PAY-2'));
    expect(await count(bob, 'project = PAY')).toBe(Number(before.count) - 1);
    const bulk = await bob('POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: ['PAY-2', 'PAY-3'] });
    expect(keysOf(bulk)).toEqual(['PAY-3']);
    // Its properties and transitions are as unknown as the issue; an edit is 404, not 403.
    expect((await bob('GET', '/rest/api/3/issue/PAY-2/properties')).status).toBe(404);
    expect((await bob('GET', '/rest/api/3/issue/PAY-2/transitions')).status).toBe(404);
    expect((await bob('PUT', '/rest/api/3/issue/PAY-2', { fields: { summary: 'Seen' } })).status).toBe(404);
    expect((await bob('GET', '/rest/api/3/mypermissions?issueKey=PAY-2&permissions=EDIT_ISSUES')).status).toBe(404);
  });

  it('leaves it out of the bulk permission check, whoever asks for the non-member', async () => {
    await restrict('PAY-2');
    const request = {
      projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: [issueId('PAY-2'), issueId('PAY-3')] }],
    };
    const grants = (answer: Answer) => (answer.body?.projectPermissions as Array<{ issues: number[] }>)[0]!.issues;
    expect(grants(await bob('POST', '/rest/api/3/permissions/check', request))).toEqual([issueId('PAY-3')]);
    expect(grants(await app('POST', '/rest/api/3/permissions/check', { ...request, accountId: '712020:bob' }))).toEqual(
      [issueId('PAY-3')],
    );
    expect(grants(await alice('POST', '/rest/api/3/permissions/check', request))).toEqual([
      issueId('PAY-2'),
      issueId('PAY-3'),
    ]);
  });

  it('leaves it out of sprints and backlogs on the board', async () => {
    const sprintId = site.store.all('sprint').find((s) => s.state === 'active')!.id;
    const inSprint = site.store.all('issue').find((i) => i.sprintId === sprintId)!.key;
    const board = site.store.all('board')[0]!.id;
    const inBacklog = keysOf(await bob('GET', `/rest/agile/1.0/board/${board}/backlog?fields=summary`))[0]!;
    await restrict(inSprint);
    await restrict(inBacklog);
    expect(keysOf(await bob('GET', `/rest/agile/1.0/sprint/${sprintId}/issue?fields=summary`))).not.toContain(inSprint);
    expect(keysOf(await bob('GET', `/rest/agile/1.0/board/${board}/backlog?fields=summary`))).not.toContain(inBacklog);
    expect(keysOf(await alice('GET', `/rest/agile/1.0/sprint/${sprintId}/issue?fields=summary`))).toContain(inSprint);
    expect((await bob('POST', `/rest/agile/1.0/sprint/${sprintId}/issue`, { issues: [inBacklog] })).status).toBe(404);
  });

  it('shows no link to it to a non-member, and lets no non-member link to it', async () => {
    const link = { type: { name: 'Relates' }, inwardIssue: { key: 'PAY-1' }, outwardIssue: { key: 'PAY-2' } };
    expect((await alice('POST', '/rest/api/3/issueLink', link)).status).toBe(201);
    await restrict('PAY-2');
    const linkedKeys = async (as: Rest) =>
      (
        fieldsOf(await as('GET', '/rest/api/3/issue/PAY-1?fields=issuelinks')).issuelinks as Array<{
          outwardIssue?: { key: string };
        }>
      ).map((l) => l.outwardIssue?.key);
    expect(await linkedKeys(alice)).toEqual(['PAY-2']);
    expect(await linkedKeys(bob)).toEqual([]);
    const again = { ...link, inwardIssue: { key: 'PAY-3' } };
    expect((await bob('POST', '/rest/api/3/issueLink', again)).status).toBe(404);
    const issues = site.store.count('issue');
    const created = await bob('POST', '/rest/api/3/issue', {
      fields: { project: { key: 'PAY' }, issuetype: { name: 'Task' }, summary: 'Linked' },
      update: { issuelinks: [{ add: { type: { name: 'Relates' }, outwardIssue: { key: 'PAY-2' } } }] },
    });
    expect(created).toMatchObject({ status: 404, body: { errorMessages: [ISSUE_NOT_FOUND] } });
    expect(site.store.count('issue')).toBe(issues);
  });

  it('shows it to the members: the administrators, the people it names, its reporter, and the app', async () => {
    const made = await bob('POST', '/rest/api/3/issue', {
      fields: { project: { key: 'PAY' }, issuetype: { name: 'Task' }, summary: 'Reported by bob' },
    });
    const bobs = String(made.body?.key);
    await restrict(bobs);
    await restrict('PAY-2');
    expect((await alice('GET', `/rest/api/3/issue/PAY-2`)).status).toBe(200);
    expect((await bob('GET', `/rest/api/3/issue/${bobs}`)).status).toBe(200);
    expect(keysOf(await search(bob, `key in (${bobs}, PAY-2)`))).toEqual([bobs]);
    expect((await carol('GET', `/rest/api/3/issue/${bobs}`)).status).toBe(404);
    // The app sees what no person but the members sees.
    expect((await app('GET', '/rest/api/3/issue/PAY-2')).status).toBe(200);
    expect(keysOf(await search(app, `key in (${bobs}, PAY-2)`)).sort()).toEqual([bobs, 'PAY-2'].sort());
    expect((await app('GET', '/rest/api/3/issue/PAY-2/properties')).status).toBe(200);
    // A person the level names.
    site.store.put('securityLevel', level.id, {
      ...site.store.get('securityLevel', level.id)!,
      accountIds: ['712020:carol'],
    });
    expect((await carol('GET', '/rest/api/3/issue/PAY-2')).status).toBe(200);
    expect((await bob('GET', '/rest/api/3/issue/PAY-2')).status).toBe(404);
    // A group that holds the Administrators role: its members hold it (bob, in security-guild).
    const guild = site.store.all('group').find((g) => g.name === 'security-guild')!;
    const admins = site.store.get('roleMembership', `${issue('PAY-1').projectId}/10002`)!;
    site.store.put('roleMembership', `${admins.projectId}/10002`, { ...admins, groupIds: [guild.groupId] });
    expect((await bob('GET', '/rest/api/3/issue/PAY-2')).status).toBe(200);
    // Administrators are members as holders of the project's Administrators role: out of it,
    // alice no longer sees bob's issue, but still PAY-2, which she reported (as every demo issue).
    removeFromAdministrators('712020:alice');
    expect((await alice('GET', `/rest/api/3/issue/${bobs}`)).status).toBe(404);
    expect((await alice('GET', '/rest/api/3/issue/PAY-2')).status).toBe(200);
  });

  it('hides an issue from search the moment it gets a level, and shows it again once the index has its removal', async () => {
    site.faults.configure({ searchLagWrites: 10 });
    await restrict('PAY-2');
    expect(keysOf(await search(bob, 'key = PAY-2'))).toEqual([]);
    expect(await count(bob, 'key = PAY-2')).toBe(0);
    site.searchIndex.flush();
    expect((await setLevel(alice, 'PAY-2', null)).status).toBe(204);
    expect(keysOf(await search(bob, 'key = PAY-2'))).toEqual([]);
    site.searchIndex.flush();
    expect(keysOf(await search(bob, 'key = PAY-2'))).toEqual(['PAY-2']);
  });

  it('lets only people with "Set Issue Security" set a level, and only to a level of the project they are in', async () => {
    const refused = await setLevel(bob, 'PAY-3', { id: level.id });
    expect(refused).toMatchObject({
      status: 400,
      body: { errorMessages: [], errors: { security: FIELD_CANNOT_BE_SET } },
    });
    const create = (as: Rest, security: unknown) =>
      as('POST', '/rest/api/3/issue', {
        fields: { project: { key: 'PAY' }, issuetype: { name: 'Task' }, summary: 'Secret', security },
      });
    const issues = site.store.count('issue');
    expect((await create(bob, { id: level.id })).body).toEqual({
      errorMessages: [],
      errors: { security: FIELD_CANNOT_BE_SET },
    });
    expect(site.store.count('issue')).toBe(issues);
    expect(fieldsOf(await bob('GET', '/rest/api/3/issue/PAY-3?fields=security')).security).toBeNull();
    const may = async (as: Rest) =>
      (
        (await as('GET', '/rest/api/3/mypermissions?projectKey=PAY&permissions=SET_ISSUE_SECURITY')).body
          ?.permissions as Record<string, { havePermission: boolean }>
      ).SET_ISSUE_SECURITY?.havePermission;
    expect([await may(alice), await may(bob), await may(carol)]).toEqual([true, false, false]);

    // Another project's level, an unknown one, and an id that is not a string.
    addSecondProject(site);
    const secLevels = (await alice('GET', '/rest/api/3/project/SEC/securitylevel')).body as { levels: Level[] };
    expect(secLevels.levels.map((l) => l.id)).toEqual([expect.not.stringMatching(`^${level.id}$`)]);
    const invalid = { status: 400, body: { errors: { security: 'Specify a valid value for Security Level' } } };
    expect(await setLevel(alice, 'PAY-3', { id: secLevels.levels[0]!.id })).toMatchObject(invalid);
    expect(await setLevel(alice, 'PAY-3', { id: '99999' })).toMatchObject(invalid);
    expect(await setLevel(alice, 'PAY-3', { id: 10100 })).toMatchObject({
      status: 400,
      body: { errors: { security: "Could not find valid 'id' or 'name' in security level object." } },
    });
    expect(fieldsOf(await bob('GET', '/rest/api/3/issue/PAY-3?fields=security')).security).toBeNull();

    // By name, and on create, as an administrator.
    expect((await setLevel(alice, 'PAY-3', { name: 'Security team' })).status).toBe(204);
    expect((await bob('GET', '/rest/api/3/issue/PAY-3')).status).toBe(404);
    const made = await create(alice, { id: level.id });
    expect(made.status).toBe(201);
    expect((await bob('GET', `/rest/api/3/issue/${String(made.body?.key)}`)).status).toBe(404);

    // Holding the permission is not enough: the level must be one the person is a member of.
    const bobs = String((await create(bob, undefined)).body?.key);
    removeFromAdministrators('712020:alice');
    expect((await alice('GET', '/rest/api/3/project/PAY/securitylevel')).body).toEqual({ levels: [] });
    expect(await setLevel(alice, bobs, { id: level.id })).toMatchObject(invalid);
    expect(fieldsOf(await bob('GET', `/rest/api/3/issue/${bobs}?fields=security`)).security).toBeNull();
  });

  it('takes the level off with null, and the issue is there again for everyone who may browse', async () => {
    await restrict('PAY-2');
    expect((await bob('GET', '/rest/api/3/issue/PAY-2')).status).toBe(404);
    expect((await setLevel(bob, 'PAY-2', null)).status).toBe(404);
    expect((await setLevel(alice, 'PAY-2', null)).status).toBe(204);
    const read = await bob('GET', '/rest/api/3/issue/PAY-2?fields=summary,security,description');
    expect(read.status).toBe(200);
    expect(fieldsOf(read)).toEqual({ summary: expect.any(String), security: null, description: expect.anything() });
    expect(keysOf(await search(carol, 'key = PAY-2'))).toEqual(['PAY-2']);
    expect(issue('PAY-2')).not.toHaveProperty('securityLevelId');
    // Still refused to anyone without the permission, on an issue they see.
    expect(await setLevel(bob, 'PAY-2', null)).toMatchObject({
      status: 400,
      body: { errors: { security: FIELD_CANNOT_BE_SET } },
    });
  });
});
