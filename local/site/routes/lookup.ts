import { JiraError, type SiteRequest } from '../http';
import type { LocalIssue, LocalProject } from '../model';
import { hasProjectPermission, requireProjectPermission, type ProjectPermission } from '../permissions';

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

export function findIssue(
  req: SiteRequest,
  idOrKey: string,
  permission: ProjectPermission = 'BROWSE_PROJECTS',
): LocalIssue {
  const issue = /^\d+$/.test(idOrKey) ? req.store.get('issue', idOrKey) : req.store.issueByKey(idOrKey);
  const project = issue ? req.store.get('project', issue.projectId) : undefined;
  if (!issue || !project) throw new JiraError(404, [ISSUE_NOT_FOUND]);
  requireProjectPermission(req.store, req.principal, project, permission, ISSUE_NOT_FOUND);
  return issue;
}

export const canBrowseIssue = (req: SiteRequest, issue: LocalIssue): boolean => {
  const project = req.store.get('project', issue.projectId);
  return project !== undefined && hasProjectPermission(req.store, req.principal, project, 'BROWSE_PROJECTS');
};

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
