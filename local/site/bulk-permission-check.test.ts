import type { LocalSite } from './server';
import { restAs, restAsApp, startTestSite } from '../../test/support/local-site';

// POST /rest/api/3/permissions/check as documented: each entry of projectPermissions is
// BulkProjectPermissions `{ permissions: string[], projects?: int[], issues?: int[] }`
// (additionalProperties false), the answer one BulkProjectPermissionGrants `{ permission,
// projects, issues }` per permission; "Invalid project and issue IDs are ignored" and "A maximum
// of 1000 projects and 1000 issues can be checked".
// https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permissions/#api-rest-api-3-permissions-check-post

interface Grant {
  permission: string;
  projects: number[];
  issues: number[];
}

describe('POST /rest/api/3/permissions/check', () => {
  let site: LocalSite;
  let pay: number;
  const issue = (key: string) => site.store.issueByKey(key)!.id;
  const check = (who: 'alice' | 'bob' | 'carol', body: unknown) =>
    restAs(site, who)('POST', '/rest/api/3/permissions/check', body);
  const grantsOf = (answer: { body?: Record<string, unknown> }) => answer.body?.projectPermissions as Grant[];

  beforeAll(async () => {
    site = await startTestSite({ demo: true });
    pay = site.store.issueByKey('PAY-1')!.projectId;
  });
  afterAll(() => site.close());

  it('answers one grant per permission, merging the entries that name it, with unknown ids left out', async () => {
    const body = {
      projectPermissions: [
        { permissions: ['EDIT_ISSUES', 'BROWSE_PROJECTS'], projects: [pay, 1, pay] },
        { permissions: ['EDIT_ISSUES'], issues: [issue('PAY-1'), 999_999, null, issue('PAY-1')] },
        { permissions: ['', 'SET_ISSUE_SECURITY'], projects: [pay] },
      ],
    };
    const asBob = await check('bob', body);
    expect(asBob.status).toBe(200);
    expect(asBob.body).toEqual({
      projectPermissions: [
        { permission: 'EDIT_ISSUES', projects: [pay], issues: [issue('PAY-1')] },
        { permission: 'BROWSE_PROJECTS', projects: [pay], issues: [] },
        // "Set Issue Security" is the project administrators' alone.
        { permission: 'SET_ISSUE_SECURITY', projects: [], issues: [] },
      ],
      globalPermissions: [],
    });
    // The grants follow the subject: carol, a viewer, may only browse; alice holds every one.
    expect(grantsOf(await check('carol', body)).map((g) => [g.permission, g.projects])).toEqual([
      ['EDIT_ISSUES', []],
      ['BROWSE_PROJECTS', [pay]],
      ['SET_ISSUE_SECURITY', []],
    ]);
    expect(grantsOf(await check('alice', body)).map((g) => [g.permission, g.projects])).toEqual([
      ['EDIT_ISSUES', [pay]],
      ['BROWSE_PROJECTS', [pay]],
      ['SET_ISSUE_SECURITY', [pay]],
    ]);
    const forCarol = await restAsApp(site)('POST', '/rest/api/3/permissions/check', {
      accountId: '712020:carol',
      projectPermissions: [{ permissions: ['EDIT_ISSUES'], issues: [issue('PAY-1')] }],
    });
    expect(grantsOf(forCarol)).toEqual([{ permission: 'EDIT_ISSUES', projects: [], issues: [] }]);
  });

  it('refuses a property the request does not document, such as a singular permission', async () => {
    const singular = await check('bob', { projectPermissions: [{ permission: 'BROWSE_PROJECTS', projects: [pay] }] });
    expect(singular).toMatchObject({ status: 400, body: { errorMessages: ['Unrecognized field "permission".'] } });
    const outer = await check('bob', { projectPermissions: [], permissions: ['BROWSE_PROJECTS'] });
    expect(outer).toMatchObject({ status: 400, body: { errorMessages: ['Unrecognized field "permissions".'] } });
  });

  it('refuses an entry without a permission, and an unknown permission', async () => {
    expect((await check('bob', { projectPermissions: [{ projects: [pay] }] })).status).toBe(400);
    expect((await check('bob', { projectPermissions: [{ permissions: [''], projects: [pay] }] })).status).toBe(400);
    const unknown = await check('bob', { projectPermissions: [{ permissions: ['READ_MINDS'], projects: [pay] }] });
    expect(unknown).toMatchObject({ status: 400, body: { errorMessages: ['Unrecognized permission: READ_MINDS'] } });
  });

  it('checks at most 1000 projects and 1000 issues in one request', async () => {
    const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
    const of = (entries: Array<{ projects?: number[]; issues?: number[] }>) => ({
      projectPermissions: entries.map((e) => ({ permissions: ['BROWSE_PROJECTS'], ...e })),
    });
    expect((await check('bob', of([{ projects: ids(pay, 1000), issues: ids(10_000, 1000) }]))).status).toBe(200);
    // The same ids in two entries count once; distinct ones count together.
    expect((await check('bob', of([{ projects: ids(pay, 600) }, { projects: ids(pay, 600) }]))).status).toBe(200);
    const projects = await check('bob', of([{ projects: ids(pay, 600) }, { projects: ids(pay + 600, 401) }]));
    expect(projects).toMatchObject({
      status: 400,
      body: {
        errorMessages: [
          'A maximum of 1000 projects and 1000 issues can be checked; this request names 1001 projects and 0 issues.',
        ],
      },
    });
    expect((await check('bob', of([{ issues: ids(10_000, 1001) }]))).status).toBe(400);
  });
});
