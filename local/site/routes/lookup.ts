import { JiraError, type SiteRequest } from '../http';
import type { LocalIssue, LocalProject } from '../model';
import { requireProjectPermission, type ProjectPermission } from '../permissions';
import { canSeeIssue } from '../security-levels';

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

const projectNotFound = (idOrKey: string) => `No project could be found with key '${idOrKey}'.`;

export function findProject(
  req: SiteRequest,
  idOrKey: string,
  permission: ProjectPermission = 'BROWSE_PROJECTS',
): LocalProject {
  const project = /^\d+$/.test(idOrKey)
    ? req.store.get('project', idOrKey)
    : req.store.all('project').find((p) => p.key.toUpperCase() === idOrKey.toUpperCase());
  if (!project) throw new JiraError(404, [projectNotFound(idOrKey)]);
  requireProjectPermission(req.store, req.principal, project, permission, projectNotFound(idOrKey));
  return project;
}

/**
 * The issue the caller names, if it exists for them: one they cannot see (no "Browse projects",
 * or a security level they are not a member of) is answered 404 as an unknown one; one they can
 * see but not act on as asked, 403.
 */
export function findIssue(
  req: SiteRequest,
  idOrKey: string,
  permission: ProjectPermission = 'BROWSE_PROJECTS',
): LocalIssue {
  const issue = /^\d+$/.test(idOrKey) ? req.store.get('issue', idOrKey) : req.store.issueByKey(idOrKey);
  const project = issue ? req.store.get('project', issue.projectId) : undefined;
  if (!issue || !project || !canSeeIssue(req.store, req.principal, issue)) throw new JiraError(404, [ISSUE_NOT_FOUND]);
  requireProjectPermission(req.store, req.principal, project, permission, ISSUE_NOT_FOUND);
  return issue;
}

/** Whether the issue exists for the caller (see canSeeIssue): what searches and bulk reads keep. */
export const canBrowseIssue = (req: SiteRequest, issue: LocalIssue): boolean =>
  canSeeIssue(req.store, req.principal, issue);

/** Entity property rules shared by issues and projects (Jira's own limits). */
export function checkPropertyWrite(key: string, value: unknown): void {
  if (key.length === 0 || key.length > 255)
    throw new JiraError(400, ['The property key must be between 1 and 255 characters long.']);
  if (value === undefined) throw new JiraError(400, ['The property value is missing or is not valid JSON.']);
  if (JSON.stringify(value).length > 32768)
    throw new JiraError(400, ['The property value is too long. The maximum length is 32768 characters.']);
}

export const touch = (issue: LocalIssue): LocalIssue => ({
  ...issue,
  updated: new Date().toISOString().replace('Z', '+0000'),
});
