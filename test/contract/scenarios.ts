import type { Caller } from './site-client';

// Realistic calls to every Jira route the local site serves, as the app and its users make
// them, on the demo site (project PAY, its board and sprints, its issues). They run in this
// order: a property is written before it is read, then deleted.

/** What the scenarios need to know about the seeded site. */
export interface SiteFacts {
  projectKey: string;
  projectId: number;
  boardId: number;
  sprints: { active: number; future: number };
  /** The app's custom field (WITHOUT clauses). */
  fieldId: string;
  /** Two issues of the project: a story and a task. */
  story: { id: string; key: string };
  task: { id: string; key: string };
  appAccountId: string;
  bobAccountId: string;
  /** The project's issue security level ("Security team"). */
  securityLevelId: string;
}

export interface Scenario {
  name: string;
  as: Caller;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: (f: SiteFacts) => string;
  body?: (f: SiteFacts) => unknown;
  /** The status the site must answer. */
  status: number;
}

const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
const threatModel = {
  revision: 3,
  shards: 1,
  threats: [{ id: 'T-1', title: 'Card data stolen', stride: 'I', probability: 3, impact: 5 }],
};
const taskLink = { key: 'without.task', value: { mitigationId: 'M-1', threatIds: ['T-1'] } };

export const SUCCESS_SCENARIOS: Scenario[] = [
  // System
  {
    name: 'server info, anonymously',
    as: 'anonymous',
    method: 'GET',
    path: () => '/rest/api/3/serverInfo',
    status: 200,
  },
  { name: 'the current user', as: 'alice', method: 'GET', path: () => '/rest/api/3/myself', status: 200 },
  { name: 'the current user, as the app', as: 'app', method: 'GET', path: () => '/rest/api/3/myself', status: 200 },
  {
    name: 'the current user with their groups',
    as: 'bob',
    method: 'GET',
    path: () => '/rest/api/3/myself?expand=groups',
    status: 200,
  },
  {
    name: 'the roles of a project',
    as: 'bob',
    method: 'GET',
    path: (f) => `/rest/api/3/project/${f.projectKey}/role`,
    status: 200,
  },
  {
    name: 'who holds a project role, as the app',
    as: 'app',
    method: 'GET',
    path: (f) => `/rest/api/3/project/${f.projectKey}/role/10004`,
    status: 200,
  },
  {
    name: 'who holds a project role, as the project admin',
    as: 'alice',
    method: 'GET',
    path: (f) => `/rest/api/3/project/${f.projectId}/role/10001`,
    status: 200,
  },
  {
    name: 'users in bulk, one unknown',
    as: 'bob',
    method: 'GET',
    path: (f) => `/rest/api/3/user/bulk?accountId=${f.bobAccountId}&accountId=nobody&maxResults=50`,
    status: 200,
  },
  { name: 'groups in bulk', as: 'app', method: 'GET', path: () => '/rest/api/3/group/bulk?maxResults=50', status: 200 },
  { name: 'all fields', as: 'bob', method: 'GET', path: () => '/rest/api/3/field', status: 200 },
  {
    name: 'my permissions in a project',
    as: 'carol',
    method: 'GET',
    path: (f) => `/rest/api/3/mypermissions?projectKey=${f.projectKey}&permissions=BROWSE_PROJECTS,EDIT_ISSUES`,
    status: 200,
  },
  {
    name: 'my permissions on an issue',
    as: 'bob',
    method: 'GET',
    path: (f) => `/rest/api/3/mypermissions?issueKey=${f.story.key}&permissions=EDIT_ISSUES,SCHEDULE_ISSUES`,
    status: 200,
  },
  {
    name: "the app checks a user's permissions",
    as: 'app',
    method: 'POST',
    path: () => '/rest/api/3/permissions/check',
    body: (f) => ({
      accountId: f.bobAccountId,
      globalPermissions: ['ADMINISTER'],
      projectPermissions: [
        { permissions: ['EDIT_ISSUES', 'BROWSE_PROJECTS'], projects: [f.projectId], issues: [Number(f.story.id)] },
        { permissions: ['EDIT_ISSUES'], issues: [Number(f.task.id)] },
      ],
    }),
    status: 200,
  },
  {
    name: 'a user checks their own permissions',
    as: 'carol',
    method: 'POST',
    path: () => '/rest/api/3/permissions/check',
    body: (f) => ({ projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: [f.projectId] }] }),
    status: 200,
  },

  // Projects and project properties (the threat model)
  {
    name: 'a project by key',
    as: 'carol',
    method: 'GET',
    path: (f) => `/rest/api/3/project/${f.projectKey}`,
    status: 200,
  },
  {
    name: 'the issue types and statuses of a project',
    as: 'carol',
    method: 'GET',
    path: (f) => `/rest/api/3/project/${f.projectKey}/statuses`,
    status: 200,
  },
  { name: 'a project by id', as: 'bob', method: 'GET', path: (f) => `/rest/api/3/project/${f.projectId}`, status: 200 },
  {
    name: 'project search by key',
    as: 'bob',
    method: 'GET',
    path: (f) => `/rest/api/3/project/search?keys=${f.projectKey}`,
    status: 200,
  },
  {
    name: 'project search, all',
    as: 'alice',
    method: 'GET',
    path: () => '/rest/api/3/project/search?startAt=0&maxResults=10',
    status: 200,
  },
  {
    name: 'write a new project property',
    as: 'alice',
    method: 'PUT',
    path: (f) => `/rest/api/3/project/${f.projectKey}/properties/without.threat-model.0`,
    body: () => threatModel,
    status: 201,
  },
  {
    name: 'overwrite a project property',
    as: 'app',
    method: 'PUT',
    path: (f) => `/rest/api/3/project/${f.projectId}/properties/without.threat-model.0`,
    body: () => ({ ...threatModel, revision: 4 }),
    status: 200,
  },
  {
    name: 'project property keys',
    as: 'bob',
    method: 'GET',
    path: (f) => `/rest/api/3/project/${f.projectKey}/properties`,
    status: 200,
  },
  {
    name: 'a project property',
    as: 'carol',
    method: 'GET',
    path: (f) => `/rest/api/3/project/${f.projectKey}/properties/without.threat-model.0`,
    status: 200,
  },
  {
    name: 'delete a project property',
    as: 'alice',
    method: 'DELETE',
    path: (f) => `/rest/api/3/project/${f.projectKey}/properties/without.threat-model.0`,
    status: 204,
  },

  // Issues
  {
    name: 'create a mitigation task with a property and a link',
    as: 'bob',
    method: 'POST',
    path: () => '/rest/api/3/issue',
    body: (f) => ({
      fields: {
        project: { key: f.projectKey },
        issuetype: { name: 'Task' },
        summary: 'Encrypt card data at rest',
        description: adf('Mitigation M-1 of T-1'),
        labels: ['security'],
      },
      update: { issuelinks: [{ add: { type: { name: 'Blocks' }, outwardIssue: { key: f.story.key } } }] },
      properties: [taskLink],
    }),
    status: 201,
  },
  {
    name: 'an issue with every field',
    as: 'carol',
    method: 'GET',
    path: (f) => `/rest/api/3/issue/${f.story.key}`,
    status: 200,
  },
  {
    name: 'an issue, some fields and properties',
    as: 'bob',
    method: 'GET',
    path: (f) => `/rest/api/3/issue/${f.task.id}?fields=summary,status,issuelinks,creator&properties=without.task`,
    status: 200,
  },
  {
    name: 'edit an issue',
    as: 'bob',
    method: 'PUT',
    path: (f) => `/rest/api/3/issue/${f.story.key}`,
    body: (f) => ({
      fields: {
        summary: 'Pay with a credit card',
        [f.fieldId]: {
          clauses: [{ id: 'c1', text: 'having my card data stolen', threatIds: ['T-1'] }],
          threatIds: ['T-1'],
          directThreatIds: [],
          hasClauses: 'yes',
        },
      },
      update: { labels: [{ add: 'threat-modeled' }] },
    }),
    status: 204,
  },
  {
    name: 'the security levels of a project, as its administrator',
    as: 'alice',
    method: 'GET',
    path: (f) => `/rest/api/3/project/${f.projectKey}/securitylevel`,
    status: 200,
  },
  {
    name: 'a security level',
    as: 'bob',
    method: 'GET',
    path: (f) => `/rest/api/3/securitylevel/${f.securityLevelId}`,
    status: 200,
  },
  {
    name: 'give an issue a security level',
    as: 'alice',
    method: 'PUT',
    path: (f) => `/rest/api/3/issue/${f.task.key}`,
    body: (f) => ({ fields: { security: { id: f.securityLevelId } } }),
    status: 204,
  },
  {
    name: 'an issue with a security level, as a member',
    as: 'alice',
    method: 'GET',
    path: (f) => `/rest/api/3/issue/${f.task.key}?fields=summary,security`,
    status: 200,
  },
  {
    // Back to no level, so that bob and carol see the task in the scenarios after this one.
    name: 'take the security level off an issue',
    as: 'alice',
    method: 'PUT',
    path: (f) => `/rest/api/3/issue/${f.task.key}`,
    body: () => ({ fields: { security: null } }),
    status: 204,
  },
  {
    name: 'write a new issue property',
    as: 'bob',
    method: 'PUT',
    path: (f) => `/rest/api/3/issue/${f.task.key}/properties/without.task`,
    body: () => taskLink.value,
    status: 201,
  },
  {
    name: 'overwrite an issue property',
    as: 'app',
    method: 'PUT',
    path: (f) => `/rest/api/3/issue/${f.task.id}/properties/without.task`,
    body: () => ({ ...taskLink.value, threatIds: ['T-1', 'T-2'] }),
    status: 200,
  },
  {
    name: 'issue property keys',
    as: 'carol',
    method: 'GET',
    path: (f) => `/rest/api/3/issue/${f.task.key}/properties`,
    status: 200,
  },
  {
    name: 'an issue property',
    as: 'carol',
    method: 'GET',
    path: (f) => `/rest/api/3/issue/${f.task.key}/properties/without.task`,
    status: 200,
  },
  {
    name: 'delete an issue property',
    as: 'alice',
    method: 'DELETE',
    path: (f) => `/rest/api/3/issue/${f.task.key}/properties/without.task`,
    status: 204,
  },
  {
    name: 'transitions of an issue',
    as: 'bob',
    method: 'GET',
    path: (f) => `/rest/api/3/issue/${f.task.key}/transitions`,
    status: 200,
  },
  {
    name: 'transition an issue',
    as: 'bob',
    method: 'POST',
    path: (f) => `/rest/api/3/issue/${f.task.key}/transitions`,
    body: () => ({ transition: { id: '21' } }),
    status: 204,
  },

  // Issue links
  {
    name: 'link two issues',
    as: 'bob',
    method: 'POST',
    path: () => '/rest/api/3/issueLink',
    body: (f) => ({ type: { name: 'Relates' }, inwardIssue: { key: f.task.key }, outwardIssue: { key: f.story.key } }),
    status: 201,
  },
  { name: 'issue link types', as: 'carol', method: 'GET', path: () => '/rest/api/3/issueLinkType', status: 200 },
  {
    name: 'the app creates its link type',
    as: 'app',
    method: 'POST',
    path: () => '/rest/api/3/issueLinkType',
    body: () => ({ name: 'Mitigates', inward: 'is mitigated by', outward: 'mitigates' }),
    status: 201,
  },

  // JQL search
  {
    name: 'search, ids only',
    as: 'bob',
    method: 'GET',
    path: (f) =>
      `/rest/api/3/search/jql?jql=${encodeURIComponent(`project = ${f.projectKey} ORDER BY key`)}&maxResults=5`,
    status: 200,
  },
  {
    name: 'search, fields and properties, by POST',
    as: 'app',
    method: 'POST',
    path: () => '/rest/api/3/search/jql',
    body: (f) => ({
      jql: `project = ${f.projectKey} AND issuetype = Story ORDER BY rank`,
      fields: ['summary', 'status', 'labels', 'creator', f.fieldId],
      properties: ['without.task'],
      maxResults: 50,
    }),
    status: 200,
  },
  {
    name: 'search with issues reconciled, by POST',
    as: 'bob',
    method: 'POST',
    path: () => '/rest/api/3/search/jql',
    body: (f) => ({
      jql: `project = ${f.projectKey} ORDER BY key`,
      fields: ['summary'],
      reconcileIssues: [Number(f.story.id), Number(f.task.id)],
    }),
    status: 200,
  },
  {
    name: 'an estimated count of the issues a JQL matches',
    as: 'bob',
    method: 'POST',
    path: () => '/rest/api/3/search/approximate-count',
    body: (f) => ({ jql: `project = ${f.projectKey} AND issuetype = Story` }),
    status: 200,
  },
  {
    name: 'issues in bulk by id and key',
    as: 'bob',
    method: 'POST',
    path: () => '/rest/api/3/issue/bulkfetch',
    body: (f) => ({
      issueIdsOrKeys: [f.story.id, f.task.key],
      fields: ['summary', 'status'],
      properties: ['without.task'],
    }),
    status: 200,
  },

  // The app's own custom field
  {
    name: 'the app writes its field',
    as: 'app',
    method: 'PUT',
    path: (f) => `/rest/api/3/app/field/${f.fieldId}/value`,
    body: (f) => ({
      updates: [
        {
          issueIds: [Number(f.story.id)],
          value: { clauses: [], threatIds: [], directThreatIds: [], hasClauses: 'no' },
        },
      ],
    }),
    status: 204,
  },

  // Agile: boards, sprints, backlog
  {
    name: 'boards of a project',
    as: 'bob',
    method: 'GET',
    path: (f) => `/rest/agile/1.0/board?projectKeyOrId=${f.projectKey}`,
    status: 200,
  },
  {
    name: 'sprints of a board',
    as: 'bob',
    method: 'GET',
    path: (f) => `/rest/agile/1.0/board/${f.boardId}/sprint?state=active,future`,
    status: 200,
  },
  {
    name: 'a sprint',
    as: 'carol',
    method: 'GET',
    path: (f) => `/rest/agile/1.0/sprint/${f.sprints.active}`,
    status: 200,
  },
  {
    name: 'update a sprint goal',
    as: 'alice',
    method: 'POST',
    path: (f) => `/rest/agile/1.0/sprint/${f.sprints.future}`,
    body: () => ({ goal: 'Reports, wallets and card data encryption' }),
    status: 200,
  },
  {
    name: 'issues of a sprint',
    as: 'bob',
    method: 'GET',
    path: (f) => `/rest/agile/1.0/sprint/${f.sprints.active}/issue?fields=summary,status`,
    status: 200,
  },
  {
    name: 'move an issue into a sprint',
    as: 'bob',
    method: 'POST',
    path: (f) => `/rest/agile/1.0/sprint/${f.sprints.future}/issue`,
    body: (f) => ({ issues: [f.task.key] }),
    status: 204,
  },
  {
    name: 'the backlog of a board',
    as: 'bob',
    method: 'GET',
    path: (f) => `/rest/agile/1.0/board/${f.boardId}/backlog`,
    status: 200,
  },
  {
    name: 'move an issue to the backlog',
    as: 'bob',
    method: 'POST',
    path: () => '/rest/agile/1.0/backlog/issue',
    body: (f) => ({ issues: [f.task.key] }),
    status: 204,
  },
];

/** Errors the app must be able to read: the status must be one the spec documents (or a generic one). */
export const ERROR_SCENARIOS: Scenario[] = [
  {
    name: 'unknown issue',
    as: 'bob',
    method: 'GET',
    path: (f) => `/rest/api/3/issue/${f.projectKey}-99999`,
    status: 404,
  },
  {
    name: 'carol edits an issue',
    as: 'carol',
    method: 'PUT',
    path: (f) => `/rest/api/3/issue/${f.story.key}`,
    body: () => ({ fields: { summary: 'Carol was here' } }),
    status: 403,
  },
  {
    name: 'bad JQL',
    as: 'bob',
    method: 'GET',
    path: () => `/rest/api/3/search/jql?jql=${encodeURIComponent('project = AND (')}`,
    status: 400,
  },
  {
    name: 'bad JQL, by POST',
    as: 'bob',
    method: 'POST',
    path: () => '/rest/api/3/search/jql',
    body: () => ({ jql: 'project in (' }),
    status: 400,
  },
  {
    name: 'a count of unbounded JQL',
    as: 'bob',
    method: 'POST',
    path: () => '/rest/api/3/search/approximate-count',
    body: () => ({ jql: 'ORDER BY key' }),
    status: 400,
  },
  {
    name: 'users in bulk without an account id',
    as: 'bob',
    method: 'GET',
    path: () => '/rest/api/3/user/bulk',
    status: 400,
  },
  { name: 'no credentials', as: 'anonymous', method: 'GET', path: () => '/rest/api/3/myself', status: 401 },
  { name: 'unknown project', as: 'alice', method: 'GET', path: () => '/rest/api/3/project/NOPE', status: 404 },
  {
    // Site configuration needs the global "Administer Jira" permission, which a developer lacks:
    // Jira documents 404 for that.
    name: 'bob creates an issue link type',
    as: 'bob',
    method: 'POST',
    path: () => '/rest/api/3/issueLinkType',
    body: () => ({ name: 'Blocks more', inward: 'is blocked by', outward: 'blocks' }),
    status: 404,
  },
  {
    name: 'bob writes a project property',
    as: 'bob',
    method: 'PUT',
    path: (f) => `/rest/api/3/project/${f.projectKey}/properties/without.threat-model.0`,
    body: () => threatModel,
    status: 403,
  },
  {
    name: 'a person writes the app field',
    as: 'alice',
    method: 'PUT',
    path: (f) => `/rest/api/3/app/field/${f.fieldId}/value`,
    body: (f) => ({ updates: [{ issueIds: [Number(f.story.id)], value: null }] }),
    status: 403,
  },
  {
    // "Set Issue Security" is the project administrators' alone: Jira answers a field error.
    name: 'bob sets a security level',
    as: 'bob',
    method: 'PUT',
    path: (f) => `/rest/api/3/issue/${f.story.key}`,
    body: (f) => ({ fields: { security: { id: f.securityLevelId } } }),
    status: 400,
  },
  { name: 'unknown security level', as: 'bob', method: 'GET', path: () => '/rest/api/3/securitylevel/1', status: 404 },
  {
    // BulkProjectPermissions takes `permissions` (a list); additionalProperties is false.
    name: 'a permission check with an unknown property',
    as: 'carol',
    method: 'POST',
    path: () => '/rest/api/3/permissions/check',
    body: (f) => ({ projectPermissions: [{ permission: 'BROWSE_PROJECTS', projects: [f.projectId] }] }),
    status: 400,
  },
  { name: 'unknown sprint', as: 'bob', method: 'GET', path: () => '/rest/agile/1.0/sprint/9999', status: 404 },
  {
    name: 'carol moves an issue into a sprint',
    as: 'carol',
    method: 'POST',
    path: (f) => `/rest/agile/1.0/sprint/${f.sprints.active}/issue`,
    body: (f) => ({ issues: [f.story.key] }),
    status: 403,
  },
];
