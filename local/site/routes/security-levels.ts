import { JiraError, json } from '../http';
import type { Route } from '../router';
import { hasProjectPermission } from '../permissions';
import { isSecurityLevelMember, securityLevelJson, securityLevelsOf } from '../security-levels';
import { findProject } from './lookup';

// Reading issue security levels (see ../security-levels.ts), how a client learns the id to put
// in an issue's `security` field.
export const securityLevelRoutes: Route[] = [
  {
    // "Returns all issue security levels for the project that the user has access to", and "issue
    // security levels are only returned for authenticated user with Set Issue Security ... for
    // the project": the levels the caller may set, which are those they are a member of.
    // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-project-permission-schemes/#api-rest-api-3-project-projectkeyorid-securitylevel-get
    method: 'GET',
    template: '/rest/api/3/project/{projectKeyOrId}/securitylevel',
    handler: (req) => {
      const project = findProject(req, req.params.projectKeyOrId ?? '');
      const maySet = hasProjectPermission(req.store, req.principal, project, 'SET_ISSUE_SECURITY');
      const levels = maySet
        ? securityLevelsOf(req.store, project.id).filter((level) =>
            isSecurityLevelMember(req.store, req.principal, level),
          )
        : [];
      return json({ levels: levels.map((level) => securityLevelJson(level, req.baseUrl)) });
    },
  },
  {
    // "Returns details of an issue security level"; permissions required: none.
    // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-security-level/#api-rest-api-3-securitylevel-id-get
    method: 'GET',
    template: '/rest/api/3/securitylevel/{id}',
    anonymous: true,
    handler: (req) => {
      const level = req.store.get('securityLevel', req.params.id ?? '');
      if (!level) throw new JiraError(404, [`The issue security level with ID ${req.params.id} does not exist.`]);
      return json(securityLevelJson(level, req.baseUrl));
    },
  },
];
