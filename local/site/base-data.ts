import type { LocalCustomField, LocalIssueType, LocalStatus, LocalUser } from './model';
import type { LocalGroup, LocalLinkType, LocalRole, Store } from './store';
import { APP_ACCESS_ROLE_ID, securityLevelIdOf } from './security-levels';

export const LOCAL_API_TOKEN = 'local-token';
export const APP_ACCOUNT_ID = 'app-without-for-jira';

export const DEMO_USERS: LocalUser[] = [
  {
    accountId: '712020:alice',
    email: 'alice@example.com',
    displayName: 'Alice Admin',
    apiToken: LOCAL_API_TOKEN,
    accountType: 'atlassian',
    jiraAdmin: true,
  },
  {
    accountId: '712020:bob',
    email: 'bob@example.com',
    displayName: 'Bob Developer',
    apiToken: LOCAL_API_TOKEN,
    accountType: 'atlassian',
  },
  {
    accountId: '712020:carol',
    email: 'carol@example.com',
    displayName: 'Carol Viewer',
    apiToken: LOCAL_API_TOKEN,
    accountType: 'atlassian',
  },
];

const APP_USER: LocalUser = {
  accountId: APP_ACCOUNT_ID,
  email: '',
  displayName: 'Without for Jira',
  apiToken: '',
  accountType: 'app',
};

export const ISSUE_TYPES: LocalIssueType[] = [
  { id: '10001', name: 'Story', subtask: false, hierarchyLevel: 0 },
  { id: '10002', name: 'Task', subtask: false, hierarchyLevel: 0 },
  { id: '10003', name: 'Bug', subtask: false, hierarchyLevel: 0 },
  { id: '10000', name: 'Epic', subtask: false, hierarchyLevel: 1 },
];

export const STATUSES: LocalStatus[] = [
  { id: '10000', name: 'To Do', category: 'new' },
  { id: '3', name: 'In Progress', category: 'indeterminate' },
  { id: '10001', name: 'In Review', category: 'indeterminate' },
  { id: '10002', name: 'Done', category: 'done' },
];

const LINK_TYPES: LocalLinkType[] = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
];

export const ROLES: LocalRole[] = [
  { id: 10002, name: 'Administrators', description: 'Administer the project' },
  { id: 10001, name: 'Developers', description: 'Work on issues' },
  { id: 10003, name: 'Viewers', description: 'Browse the project' },
  { id: 10004, name: 'Security champions', description: 'Keep the threat model and audit the backlog' },
];

const GROUPS: LocalGroup[] = [
  { groupId: 'a1b2c3d4-0001-4000-8000-000000000001', name: 'payments-team', memberIds: ['712020:alice', '712020:bob'] },
  { groupId: 'a1b2c3d4-0002-4000-8000-000000000002', name: 'security-guild', memberIds: ['712020:bob'] },
  { groupId: 'a1b2c3d4-0003-4000-8000-000000000003', name: 'auditors', memberIds: ['712020:carol'] },
];

/**
 * Each project's issue security level, "Security team" (see security-levels.ts): its members are
 * the holders of the project's Administrators role (alice in the demo), nobody named by account
 * id, the issue's reporter and the app (through atlassian-addons-project-access). So bob (developer) and carol (viewer), who may browse
 * PAY, do not see an issue with this level unless they reported it.
 */
const SECURITY_TEAM_LEVEL = {
  name: 'Security team',
  description: "Only the project's administrators, the reporter and the app can see the issue.",
  roleIds: [10002, APP_ACCESS_ROLE_ID],
  accountIds: [],
} as const;

/**
 * Gives every project that has none its security level, with the id securityLevelIdOf names.
 * Idempotent: a level that exists is left as it is, and no issue is touched (an issue has a
 * level only when someone sets one). Runs with the base data on every start, and where a
 * project is seeded (the demo, test support).
 */
export function ensureSecurityLevels(store: Store): void {
  for (const project of store.all('project')) {
    const id = securityLevelIdOf(project.id);
    if (!store.get('securityLevel', id))
      store.put('securityLevel', id, {
        id,
        projectId: project.id,
        name: SECURITY_TEAM_LEVEL.name,
        description: SECURITY_TEAM_LEVEL.description,
        roleIds: [...SECURITY_TEAM_LEVEL.roleIds],
        accountIds: [...SECURITY_TEAM_LEVEL.accountIds],
      });
  }
}

const FIRST_CUSTOM_FIELD = 10100;

/**
 * What every site has before any project exists: users, issue types, a workflow's statuses,
 * link types, and the app's custom fields as registered from its manifest; and the security
 * level of every project already stored. Idempotent, so it runs on every start; the custom
 * field ids stay stable across restarts.
 */
export function ensureBaseData(store: Store, appFields: Array<Omit<LocalCustomField, 'id' | 'numericId'>>): void {
  store.transaction(() => {
    for (const user of [...DEMO_USERS, APP_USER])
      if (!store.get('user', user.accountId)) store.put('user', user.accountId, user);
    const grants = [
      { accountId: '712020:alice', projectKey: '*', role: 'administrator' as const },
      { accountId: '712020:bob', projectKey: '*', role: 'developer' as const },
      { accountId: '712020:carol', projectKey: '*', role: 'viewer' as const },
    ];
    for (const grant of grants) {
      const id = `${grant.accountId}/${grant.projectKey}`;
      if (!store.get('grant', id)) store.put('grant', id, grant);
    }
    for (const type of ISSUE_TYPES) if (!store.get('issueType', type.id)) store.put('issueType', type.id, type);
    for (const status of STATUSES) if (!store.get('status', status.id)) store.put('status', status.id, status);
    for (const role of ROLES) if (!store.get('role', role.id)) store.put('role', role.id, role);
    for (const group of GROUPS) if (!store.get('group', group.groupId)) store.put('group', group.groupId, group);
    for (const linkType of LINK_TYPES)
      if (!store.get('linkType', linkType.id)) store.put('linkType', linkType.id, linkType);
    for (const field of appFields) registerAppField(store, field);
    ensureSecurityLevels(store);
  });
}

function registerAppField(store: Store, field: Omit<LocalCustomField, 'id' | 'numericId'>): void {
  const existing = store.all('customField').find((f) => f.moduleKey === field.moduleKey);
  const numericId = existing?.numericId ?? store.next('customField', FIRST_CUSTOM_FIELD);
  const id = `customfield_${numericId}`;
  store.put('customField', id, { ...field, id, numericId });
}
