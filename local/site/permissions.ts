import type { LocalProject, LocalUser } from './model';
import type { ProjectRole, Store } from './store';
import { JiraError } from './http';

export const PROJECT_PERMISSIONS = [
  'BROWSE_PROJECTS',
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'TRANSITION_ISSUES',
  'LINK_ISSUES',
  'SCHEDULE_ISSUES',
  'ASSIGN_ISSUES',
  'DELETE_ISSUES',
  'ADD_COMMENTS',
  'MANAGE_SPRINTS_PERMISSION',
  'ADMINISTER_PROJECTS',
  // "Set Issue Security": who may set an issue's security level (and only to a level they are a
  // member of). https://support.atlassian.com/jira-cloud-administration/docs/configure-issue-security-schemes/
  'SET_ISSUE_SECURITY',
] as const;
export type ProjectPermission = (typeof PROJECT_PERMISSIONS)[number];

const WORK: ProjectPermission[] = [
  'BROWSE_PROJECTS',
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'TRANSITION_ISSUES',
  'LINK_ISSUES',
  'SCHEDULE_ISSUES',
  'ASSIGN_ISSUES',
  'ADD_COMMENTS',
  'MANAGE_SPRINTS_PERMISSION',
];

const ROLE_PERMISSIONS: Record<ProjectRole, ReadonlySet<ProjectPermission>> = {
  administrator: new Set<ProjectPermission>([...WORK, 'DELETE_ISSUES', 'ADMINISTER_PROJECTS', 'SET_ISSUE_SECURITY']),
  developer: new Set<ProjectPermission>(WORK),
  scheduler: new Set<ProjectPermission>(WORK.filter((p) => p !== 'CREATE_ISSUES' && p !== 'LINK_ISSUES')),
  viewer: new Set<ProjectPermission>(['BROWSE_PROJECTS']),
};

/** The user's role in the project: the grant for that project, else the '*' one; none, no access. */
export const projectRoleOf = (store: Store, user: LocalUser, project: LocalProject): ProjectRole | undefined => {
  if (user.accountType === 'app') return 'administrator';
  const grants = store.all('grant').filter((g) => g.accountId === user.accountId);
  const exact = grants.find((g) => g.projectKey === project.key);
  const role = (exact ?? grants.find((g) => g.projectKey === '*'))?.role;
  return role === 'none' ? undefined : role;
};

/** Whether the user holds Jira's global ADMINISTER permission (the app's identity does: manage:jira-configuration). */
export const administersJira = (user: LocalUser): boolean => user.accountType === 'app' || user.jiraAdmin === true;

export const hasProjectPermission = (
  store: Store,
  user: LocalUser,
  project: LocalProject,
  permission: ProjectPermission,
): boolean => {
  const role = projectRoleOf(store, user, project);
  return role !== undefined && ROLE_PERMISSIONS[role].has(permission);
};

/**
 * Throws what Jira answers when a permission is missing. Without browse permission the
 * thing does not exist for the caller (404); with browse but not the action, 403.
 */
export const requireProjectPermission = (
  store: Store,
  user: LocalUser,
  project: LocalProject,
  permission: ProjectPermission,
  notFoundMessage: string,
): void => {
  if (!hasProjectPermission(store, user, project, 'BROWSE_PROJECTS')) throw new JiraError(404, [notFoundMessage]);
  if (!hasProjectPermission(store, user, project, permission)) {
    throw new JiraError(403, [forbiddenMessage(permission)]);
  }
};

const forbiddenMessage = (permission: ProjectPermission): string => {
  switch (permission) {
    case 'EDIT_ISSUES':
      return 'You do not have permission to edit issues in this project.';
    case 'CREATE_ISSUES':
      return 'You do not have permission to create issues in this project.';
    case 'ADMINISTER_PROJECTS':
      return 'You must have project administration permission to do this.';
    case 'TRANSITION_ISSUES':
      return 'You do not have permission to transition this issue.';
    case 'LINK_ISSUES':
      return 'You do not have the permission to link issues.';
    default:
      return `You do not have the permission ${permission} in this project.`;
  }
};
