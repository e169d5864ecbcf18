import { JiraError, json, type SiteRequest, type SiteResponse } from '../http';
import { PROJECT_PERMISSIONS, administersJira, hasProjectPermission, type ProjectPermission } from '../permissions';
import { canSeeIssue } from '../security-levels';

// POST /rest/api/3/permissions/check (Get bulk permissions) as documented: the body is
// BulkPermissionsRequestBean, `{ accountId?, globalPermissions?, projectPermissions?: [{
// permissions: string[], projects?: int[], issues?: int[] }] }`, both objects with
// additionalProperties false, which Jira's JSON reader refuses with a 400 ("Unrecognized field").
// The answer has one BulkProjectPermissionGrants `{ permission, projects, issues }` per
// permission, the checks that name the same permission merged. "Invalid project and issue IDs
// are ignored", nulls are ignored, and "A maximum of 1000 projects and 1000 issues can be
// checked": more is a 400. The site counts the distinct ids named, known or not, the stricter
// reading (Jira's list of 400s speaks of "more than 1000 valid project IDs").
// https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permissions/#api-rest-api-3-permissions-check-post

/** "A maximum of 1000 projects and 1000 issues can be checked." */
export const MAX_CHECKED_IDS = 1000;

const REQUEST_KEYS = ['accountId', 'globalPermissions', 'projectPermissions'];
const CHECK_KEYS = ['permissions', 'projects', 'issues'];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function refuseUnknownKeys(value: Record<string, unknown>, known: string[]): void {
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown !== undefined) throw new JiraError(400, [`Unrecognized field "${unknown}".`]);
}

/** A list the body may leave out or set to null; nulls in it are ignored, as documented. */
function optionalList(value: unknown, name: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new JiraError(400, [`${name} must be a list.`]);
  return value.filter((item) => item !== null);
}

/** Project or issue ids: whole numbers (or their strings); anything else is ignored, as an unknown id is. */
const idsOf = (value: unknown, name: string): number[] =>
  optionalList(value, name)
    .map((item) => (typeof item === 'number' || typeof item === 'string' ? Number(item) : NaN))
    .filter((id) => Number.isSafeInteger(id));

interface Check {
  permissions: ProjectPermission[];
  projects: number[];
  issues: number[];
}

function readCheck(raw: unknown): Check {
  if (!isObject(raw)) throw new JiraError(400, ['Every entry of projectPermissions must be an object.']);
  refuseUnknownKeys(raw, CHECK_KEYS);
  if (!Array.isArray(raw.permissions))
    throw new JiraError(400, ['Every entry of projectPermissions must list its permissions.']);
  // "Empty strings in projectPermissions.permissions are ignored."
  const named = raw.permissions.filter((p) => p !== null && p !== '').map(String);
  const unknown = named.filter((p) => !(PROJECT_PERMISSIONS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new JiraError(400, [`Unrecognized permission: ${unknown.join(', ')}`]);
  if (named.length === 0)
    throw new JiraError(400, ['Every entry of projectPermissions must name at least one project permission.']);
  return {
    permissions: named as ProjectPermission[],
    projects: idsOf(raw.projects, 'projects'),
    issues: idsOf(raw.issues, 'issues'),
  };
}

export function bulkPermissionCheck(req: SiteRequest): SiteResponse {
  const body = req.body ?? {};
  if (!isObject(body)) throw new JiraError(400, ['The request body must be a JSON object.']);
  refuseUnknownKeys(body, REQUEST_KEYS);
  // Checking another user's permissions needs "Administer Jira"; the app's identity has it.
  const subjectId = typeof body.accountId === 'string' ? body.accountId : req.principal.accountId;
  if (subjectId !== req.principal.accountId && req.principal.accountType !== 'app') {
    throw new JiraError(403, ['Only Jira administrators can check the permissions of other users.']);
  }
  const subject = req.store.get('user', subjectId);
  if (!subject) throw new JiraError(400, [`The user with account ID '${subjectId}' does not exist.`]);

  const checks = optionalList(body.projectPermissions, 'projectPermissions').map(readCheck);
  const projectCount = new Set(checks.flatMap((c) => c.projects)).size;
  const issueCount = new Set(checks.flatMap((c) => c.issues)).size;
  if (projectCount > MAX_CHECKED_IDS || issueCount > MAX_CHECKED_IDS)
    throw new JiraError(400, [
      `A maximum of ${MAX_CHECKED_IDS} projects and ${MAX_CHECKED_IDS} issues can be checked; ` +
        `this request names ${projectCount} projects and ${issueCount} issues.`,
    ]);

  // One grant per permission: checks naming the same permission are merged, ids kept once.
  const merged = new Map<ProjectPermission, { projects: Set<number>; issues: Set<number> }>();
  for (const check of checks) {
    for (const permission of check.permissions) {
      const entry = merged.get(permission) ?? { projects: new Set<number>(), issues: new Set<number>() };
      for (const id of check.projects) entry.projects.add(id);
      for (const id of check.issues) entry.issues.add(id);
      merged.set(permission, entry);
    }
  }
  const projectPermissions = [...merged].map(([permission, ids]) => ({
    permission,
    projects: [...ids.projects].filter((id) => {
      const project = req.store.get('project', id);
      return project !== undefined && hasProjectPermission(req.store, subject, project, permission);
    }),
    // An issue is listed when the subject holds the permission in its project and the issue
    // exists for them (browse, and its security level when it has one).
    issues: [...ids.issues].filter((id) => {
      const issue = req.store.get('issue', id);
      const project = issue ? req.store.get('project', issue.projectId) : undefined;
      return (
        issue !== undefined &&
        project !== undefined &&
        hasProjectPermission(req.store, subject, project, permission) &&
        canSeeIssue(req.store, subject, issue)
      );
    }),
  }));
  const globals = [...new Set(optionalList(body.globalPermissions, 'globalPermissions').map(String))];
  return json({
    projectPermissions,
    globalPermissions: globals.filter((g) => g === 'ADMINISTER' && administersJira(subject)),
  });
}
