import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './forge-lint';
import { findRouteCalls } from './route-calls';

// Every Jira path the app calls (the `route` templates in src/, found as the scope linter finds
// them), with the OAuth 2.0 scopes Atlassian's current REST reference requires for it, checked
// against manifest.yml. The platform rows agree with the "Current" scopes of the platform OpenAPI
// file; the Jira Software rows were checked by hand on the current pages, because the agile
// OpenAPI copy in ../shared is from 2022 (it lists no scope at all for GET /board).
// A new path fails here until it has a row.

const PLATFORM = 'https://developer.atlassian.com/cloud/jira/platform/rest/v3';
const SOFTWARE = 'https://developer.atlassian.com/cloud/jira/software/rest';

interface Row {
  scopes: string[];
  doc: string;
}

const REQUIRED: Record<string, Row> = {
  'GET /rest/api/3/field': {
    scopes: ['read:jira-work'],
    doc: `${PLATFORM}/api-group-issue-fields/#api-rest-api-3-field-get`,
  },
  'GET /rest/api/3/group/bulk': {
    scopes: ['read:jira-user'],
    doc: `${PLATFORM}/api-group-groups/#api-rest-api-3-group-bulk-get`,
  },
  'GET /rest/api/3/issue/{}': {
    scopes: ['read:jira-work'],
    doc: `${PLATFORM}/api-group-issues/#api-rest-api-3-issue-issueidorkey-get`,
  },
  'PUT /rest/api/3/issue/{}': {
    scopes: ['write:jira-work'],
    doc: `${PLATFORM}/api-group-issues/#api-rest-api-3-issue-issueidorkey-put`,
  },
  'POST /rest/api/3/issue': {
    scopes: ['write:jira-work'],
    doc: `${PLATFORM}/api-group-issues/#api-rest-api-3-issue-post`,
  },
  'POST /rest/api/3/issue/bulkfetch': {
    scopes: ['read:jira-work'],
    doc: `${PLATFORM}/api-group-issues/#api-rest-api-3-issue-bulkfetch-post`,
  },
  'GET /rest/api/3/issue/{}/transitions': {
    scopes: ['read:jira-work'],
    doc: `${PLATFORM}/api-group-issues/#api-rest-api-3-issue-issueidorkey-transitions-get`,
  },
  'POST /rest/api/3/issue/{}/transitions': {
    scopes: ['write:jira-work'],
    doc: `${PLATFORM}/api-group-issues/#api-rest-api-3-issue-issueidorkey-transitions-post`,
  },
  'GET /rest/api/3/issue/{}/properties/{}': {
    scopes: ['read:jira-work'],
    doc: `${PLATFORM}/api-group-issue-properties/#api-rest-api-3-issue-issueidorkey-properties-propertykey-get`,
  },
  'PUT /rest/api/3/issue/{}/properties/{}': {
    scopes: ['write:jira-work'],
    doc: `${PLATFORM}/api-group-issue-properties/#api-rest-api-3-issue-issueidorkey-properties-propertykey-put`,
  },
  'DELETE /rest/api/3/issue/{}/properties/{}': {
    scopes: ['write:jira-work'],
    doc: `${PLATFORM}/api-group-issue-properties/#api-rest-api-3-issue-issueidorkey-properties-propertykey-delete`,
  },
  'GET /rest/api/3/issueLinkType': {
    scopes: ['read:jira-work'],
    doc: `${PLATFORM}/api-group-issue-link-types/#api-rest-api-3-issuelinktype-get`,
  },
  'POST /rest/api/3/issueLinkType': {
    scopes: ['manage:jira-configuration'],
    doc: `${PLATFORM}/api-group-issue-link-types/#api-rest-api-3-issuelinktype-post`,
  },
  'GET /rest/api/3/mypermissions': {
    scopes: ['read:jira-work'],
    doc: `${PLATFORM}/api-group-permissions/#api-rest-api-3-mypermissions-get`,
  },
  'GET /rest/api/3/myself': {
    scopes: ['read:jira-user'],
    doc: `${PLATFORM}/api-group-myself/#api-rest-api-3-myself-get`,
  },
  'GET /rest/api/3/project/{}': {
    scopes: ['read:jira-work'],
    doc: `${PLATFORM}/api-group-projects/#api-rest-api-3-project-projectidorkey-get`,
  },
  'GET /rest/api/3/project/search': {
    scopes: ['read:jira-work'],
    doc: `${PLATFORM}/api-group-projects/#api-rest-api-3-project-search-get`,
  },
  'GET /rest/api/3/project/{}/properties': {
    scopes: ['read:jira-work'],
    doc: `${PLATFORM}/api-group-project-properties/#api-rest-api-3-project-projectidorkey-properties-get`,
  },
  'GET /rest/api/3/project/{}/properties/{}': {
    scopes: ['read:jira-work'],
    doc: `${PLATFORM}/api-group-project-properties/#api-rest-api-3-project-projectidorkey-properties-propertykey-get`,
  },
  'PUT /rest/api/3/project/{}/properties/{}': {
    scopes: ['manage:jira-project'],
    doc: `${PLATFORM}/api-group-project-properties/#api-rest-api-3-project-projectidorkey-properties-propertykey-put`,
  },
  'DELETE /rest/api/3/project/{}/properties/{}': {
    scopes: ['manage:jira-project'],
    doc: `${PLATFORM}/api-group-project-properties/#api-rest-api-3-project-projectidorkey-properties-propertykey-delete`,
  },
  'GET /rest/api/3/project/{}/role': {
    scopes: ['read:jira-work'],
    doc: `${PLATFORM}/api-group-project-roles/#api-rest-api-3-project-projectidorkey-role-get`,
  },
  'GET /rest/api/3/project/{}/role/{}': {
    scopes: ['read:jira-work'],
    doc: `${PLATFORM}/api-group-project-roles/#api-rest-api-3-project-projectidorkey-role-id-get`,
  },
  'GET /rest/api/3/project/{}/statuses': {
    scopes: ['read:jira-work'],
    doc: `${PLATFORM}/api-group-projects/#api-rest-api-3-project-projectidorkey-statuses-get`,
  },
  'POST /rest/api/3/search/approximate-count': {
    scopes: ['read:jira-work'],
    doc: `${PLATFORM}/api-group-issue-search/#api-rest-api-3-search-approximate-count-post`,
  },
  'POST /rest/api/3/search/jql': {
    scopes: ['read:jira-work'],
    doc: `${PLATFORM}/api-group-issue-search/#api-rest-api-3-search-jql-post`,
  },
  'GET /rest/api/3/user/bulk': {
    scopes: ['read:jira-user'],
    doc: `${PLATFORM}/api-group-users/#api-rest-api-3-user-bulk-get`,
  },
  // The current page lists both; the 2022 OpenAPI copy lists none.
  'GET /rest/agile/1.0/board': {
    scopes: ['read:board-scope:jira-software', 'read:project:jira'],
    doc: `${SOFTWARE}/api-group-board/#api-rest-agile-1-0-board-get`,
  },
  'GET /rest/agile/1.0/board/{}/sprint': {
    scopes: ['read:sprint:jira-software'],
    doc: `${SOFTWARE}/api-group-board/#api-rest-agile-1-0-board-boardid-sprint-get`,
  },
  'GET /rest/agile/1.0/sprint/{}': {
    scopes: ['read:sprint:jira-software'],
    doc: `${SOFTWARE}/api-group-sprint/#api-rest-agile-1-0-sprint-sprintid-get`,
  },
  'POST /rest/agile/1.0/sprint/{}/issue': {
    scopes: ['write:sprint:jira-software'],
    doc: `${SOFTWARE}/api-group-sprint/#api-rest-agile-1-0-sprint-sprintid-issue-post`,
  },
};

/** "GET /rest/api/3/issue/{}" for a call of route`/rest/api/3/issue/${key}?fields=…`. */
const keyOf = (method: string, template: string): string =>
  `${method} ${template
    .replace(/`/g, '')
    .split('?')[0]!
    .replace(/\$\{[^}]*\}/g, '{}')}`;

describe('the scopes of every Jira path the app calls', () => {
  const files = (fs.readdirSync(path.join(REPO_ROOT, 'src'), { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts') && !/\.test\.tsx?$/.test(f))
    .map((f) => path.join(REPO_ROOT, 'src', f));
  const calls = files.flatMap((f) => findRouteCalls(f, REPO_ROOT)).filter((c) => c.method !== undefined);
  const manifest = parse(fs.readFileSync(path.join(REPO_ROOT, 'manifest.yml'), 'utf8')) as {
    permissions: { scopes: string[] };
  };
  const declared = new Set(manifest.permissions.scopes);

  it('finds the app’s calls', () => {
    expect(calls.length).toBeGreaterThan(20);
  });

  it('has a row, with the documentation page, for every path the code calls', () => {
    expect(
      calls
        .filter((c) => !REQUIRED[keyOf(c.method!, c.template)])
        .map((c) => `${c.where}: ${keyOf(c.method!, c.template)}`),
    ).toEqual([]);
  });

  it('declares in manifest.yml every scope each path requires', () => {
    const missing = calls.flatMap((c) => {
      const row = REQUIRED[keyOf(c.method!, c.template)];
      return (row?.scopes ?? [])
        .filter((scope) => !declared.has(scope))
        .map((scope) => `${c.where}: ${keyOf(c.method!, c.template)} needs ${scope} (${row!.doc})`);
    });
    expect(missing).toEqual([]);
  });

  it('keeps no row for a path the code no longer calls', () => {
    const called = new Set(calls.map((c) => keyOf(c.method!, c.template)));
    expect(Object.keys(REQUIRED).filter((key) => !called.has(key))).toEqual([]);
  });
});
