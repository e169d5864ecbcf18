import { JiraError, json, type SiteRequest } from '../http';
import type { LocalRole } from '../store';
import type { Route } from '../router';
import { hasProjectPermission } from '../permissions';
import { userJson } from '../serialize';
import { findProject } from './lookup';

const roleJson = (req: SiteRequest, projectId: number, role: LocalRole) => {
  const membership = req.store.get('roleMembership', `${projectId}/${role.id}`);
  const members = membership?.accountIds ?? [];
  // A group holding a role is one actor; Jira does not list its members here.
  const groupActors = (membership?.groupIds ?? []).flatMap((groupId, index) => {
    const group = req.store.get('group', groupId);
    return group
      ? [
          {
            id: 20000 + index,
            displayName: group.name,
            type: 'atlassian-group-role-actor',
            name: group.name,
            actorGroup: { name: group.name, displayName: group.name, groupId: group.groupId },
          },
        ]
      : [];
  });
  return {
    self: `${req.baseUrl}/rest/api/3/project/${projectId}/role/${role.id}`,
    name: role.name,
    id: role.id,
    description: role.description,
    actors: [
      ...members.flatMap((accountId, index) => {
        const user = req.store.get('user', accountId);
        return user
          ? [
              {
                id: 10000 + index,
                displayName: user.displayName,
                type: 'atlassian-user-role-actor',
                actorUser: { accountId },
              },
            ]
          : [];
      }),
      ...groupActors,
    ],
  };
};

/** Jira lets project administrators (and the app) see who holds a role. */
const requireRoleAdmin = (req: SiteRequest, projectIdOrKey: string) => {
  const project = findProject(req, projectIdOrKey);
  if (!hasProjectPermission(req.store, req.principal, project, 'ADMINISTER_PROJECTS')) {
    throw new JiraError(403, ['You must have project administration permission to view project roles.']);
  }
  return project;
};

export const roleAndGroupRoutes: Route[] = [
  {
    method: 'GET',
    template: '/rest/api/3/project/{projectIdOrKey}/role',
    handler: (req) => {
      const project = findProject(req, req.params.projectIdOrKey ?? '');
      return json(
        Object.fromEntries(
          req.store.all('role').map((r) => [r.name, `${req.baseUrl}/rest/api/3/project/${project.id}/role/${r.id}`]),
        ),
      );
    },
  },
  {
    method: 'GET',
    template: '/rest/api/3/project/{projectIdOrKey}/role/{id}',
    handler: (req) => {
      const project = requireRoleAdmin(req, req.params.projectIdOrKey ?? '');
      const role = req.store.get('role', req.params.id ?? '');
      if (!role) throw new JiraError(404, [`No project role with id ${req.params.id}.`]);
      return json(roleJson(req, project.id, role));
    },
  },
  {
    method: 'GET',
    template: '/rest/api/3/group/bulk',
    handler: (req) => {
      const startAt = Number(req.query.get('startAt') ?? 0);
      const maxResults = Math.min(Number(req.query.get('maxResults') ?? 50), 50);
      const ids = req.query.getAll('groupId');
      const groups = req.store
        .all('group')
        .filter((g) => ids.length === 0 || ids.includes(g.groupId))
        .sort((a, b) => a.name.localeCompare(b.name));
      const values = groups.slice(startAt, startAt + maxResults).map((g) => ({ groupId: g.groupId, name: g.name }));
      return json({
        self: `${req.baseUrl}/rest/api/3/group/bulk`,
        maxResults,
        startAt,
        total: groups.length,
        isLast: startAt + values.length >= groups.length,
        values,
      });
    },
  },
  {
    // Unknown account ids are left out, as Jira Cloud does; at least one accountId is required.
    method: 'GET',
    template: '/rest/api/3/user/bulk',
    handler: (req) => {
      const startAt = Number(req.query.get('startAt') ?? 0);
      const maxResults = Math.min(Number(req.query.get('maxResults') ?? 10), 200);
      const ids = [...new Set(req.query.getAll('accountId'))];
      if (ids.length === 0) throw new JiraError(400, ['At least one accountId is required.']);
      const users = ids.flatMap((id) => {
        const user = req.store.get('user', id);
        return user ? [user] : [];
      });
      const values = users.slice(startAt, startAt + maxResults).map((u) => userJson(u, req.baseUrl));
      const self = `${req.baseUrl}/rest/api/3/user/bulk?${req.query.toString()}`;
      return json({
        self,
        maxResults,
        startAt,
        total: users.length,
        isLast: startAt + values.length >= users.length,
        values,
      });
    },
  },
];
