import type { LocalIssue, LocalUser } from './model';
import type { LocalSecurityLevel, Store } from './store';
import { hasProjectPermission } from './permissions';

// Issue security levels as Jira Cloud enforces them: an issue with a level exists only for the
// level's members. For anyone else GET issue answers 404 ("Issue does not exist or you do not
// have permission to see it."), JQL search and counts leave it out, bulk reads and the bulk
// permission check skip it, its properties and links cannot be read, and a link to it cannot be
// made. https://support.atlassian.com/jira-cloud-administration/docs/what-are-issue-security-levels/
// https://support.atlassian.com/jira-cloud-administration/docs/configure-issue-security-schemes/

/**
 * Each project's one level has the project's id plus this as its id: PAY (10000) has '10100',
 * the next project (10001) '10101'. One level a project, so the id never collides.
 */
const LEVEL_ID_OFFSET = 100;

export const securityLevelIdOf = (projectId: number): string => String(projectId + LEVEL_ID_OFFSET);

/** The levels of a project, by id. */
export const securityLevelsOf = (store: Store, projectId: number): LocalSecurityLevel[] =>
  store
    .all('securityLevel')
    .filter((level) => level.projectId === projectId)
    .sort((a, b) => Number(a.id) - Number(b.id));

/**
 * Jira's project role atlassian-addons-project-access: every app's user holds it in every
 * project, and a Jira administrator may grant a level to it. The site's role resources do not
 * list it (the app never reads it; a real site does list it).
 * https://support.atlassian.com/jira-cloud-administration/docs/what-are-issue-security-levels/
 */
export const APP_ACCESS_ROLE_ID = 10005;

/** Whether the user holds a project role in a project, in person or through a group. */
const holdsProjectRole = (store: Store, user: LocalUser, projectId: number, roleId: number): boolean => {
  if (user.accountType === 'app') return roleId === APP_ACCESS_ROLE_ID;
  const membership = store.get('roleMembership', `${projectId}/${roleId}`);
  if (!membership) return false;
  if (membership.accountIds.includes(user.accountId)) return true;
  return (membership.groupIds ?? []).some((groupId) => store.get('group', groupId)?.memberIds.includes(user.accountId));
};

/**
 * Whether the user is a member of the level, for this issue when there is one (the reporter is a
 * member of the level of the issue they reported; without an issue, only the other members count).
 *
 * A Forge app's asApp() requests are made by the app's own user, which Jira puts in the project
 * role atlassian-addons-project-access (APP_ACCESS_ROLE_ID). The seeded level grants that role,
 * the unkind case for what the app shows: it sees restricted issues, so it must not show them to
 * people who cannot. A level without it (Jira's default) is the unkind case for what the app
 * counts: a task under it is gone for the app.
 */
export function isSecurityLevelMember(
  store: Store,
  user: LocalUser,
  level: LocalSecurityLevel,
  issue?: Pick<LocalIssue, 'reporterAccountId'>,
): boolean {
  if (issue !== undefined && issue.reporterAccountId === user.accountId) return true;
  if (level.accountIds.includes(user.accountId)) return true;
  return level.roleIds.some((roleId) => holdsProjectRole(store, user, level.projectId, roleId));
}

/**
 * Whether the issue exists for the user: "Browse projects" in its project and, when it has a
 * security level, membership of that level. Every route that finds or lists issues asks this.
 */
export function canSeeIssue(store: Store, user: LocalUser, issue: LocalIssue): boolean {
  const project = store.get('project', issue.projectId);
  if (!project || !hasProjectPermission(store, user, project, 'BROWSE_PROJECTS')) return false;
  if (issue.securityLevelId === undefined) return true;
  const level = store.get('securityLevel', issue.securityLevelId);
  // Jira does not let a level that issues carry be deleted; should the record be missing
  // anyway, the issue stays hidden from everyone but the app.
  if (!level) return user.accountType === 'app';
  return isSecurityLevelMember(store, user, level, issue);
}

/** A level as Jira answers it in the `security` field and the security level resources. */
export const securityLevelJson = (level: LocalSecurityLevel, baseUrl: string) => ({
  self: `${baseUrl}/rest/api/3/securitylevel/${level.id}`,
  id: level.id,
  name: level.name,
  description: level.description,
});
