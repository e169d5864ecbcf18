import { JiraError, json } from '../http';
import type { Route } from '../router';
import { PROJECT_PERMISSIONS, administersJira, hasProjectPermission, type ProjectPermission } from '../permissions';
import { SPRINT_FIELD_ID, userJson } from '../serialize';
import { bulkPermissionCheck } from './bulk-permissions';
import { findIssue, findProject } from './lookup';

const SYSTEM_FIELDS: Array<{
  id: string;
  name: string;
  schema: { type: string; system?: string; items?: string; custom?: string; customId?: number };
}> = [
  { id: 'summary', name: 'Summary', schema: { type: 'string', system: 'summary' } },
  { id: 'description', name: 'Description', schema: { type: 'string', system: 'description' } },
  { id: 'issuetype', name: 'Issue Type', schema: { type: 'issuetype', system: 'issuetype' } },
  { id: 'project', name: 'Project', schema: { type: 'project', system: 'project' } },
  { id: 'status', name: 'Status', schema: { type: 'status', system: 'status' } },
  { id: 'labels', name: 'Labels', schema: { type: 'array', items: 'string', system: 'labels' } },
  { id: 'created', name: 'Created', schema: { type: 'datetime', system: 'created' } },
  { id: 'updated', name: 'Updated', schema: { type: 'datetime', system: 'updated' } },
  { id: 'reporter', name: 'Reporter', schema: { type: 'user', system: 'reporter' } },
  { id: 'creator', name: 'Creator', schema: { type: 'user', system: 'creator' } },
  { id: 'assignee', name: 'Assignee', schema: { type: 'user', system: 'assignee' } },
  { id: 'issuelinks', name: 'Linked Issues', schema: { type: 'array', items: 'issuelinks', system: 'issuelinks' } },
];

export const systemRoutes: Route[] = [
  {
    method: 'GET',
    template: '/rest/api/3/serverInfo',
    anonymous: true,
    handler: (req) =>
      json({
        baseUrl: req.baseUrl,
        version: '1001.0.0-SNAPSHOT',
        versionNumbers: [1001, 0, 0],
        deploymentType: 'Cloud',
        buildNumber: 100290,
        buildDate: '2026-11-01T00:00:00.000+0000',
        serverTime: new Date().toISOString().replace('Z', '+0000'),
        scmInfo: 'local',
        serverTitle: 'Without for Jira — local site',
      }),
  },
  {
    method: 'GET',
    template: '/rest/api/3/myself',
    handler: (req) => {
      const user = userJson(req.principal, req.baseUrl);
      if (!(req.query.get('expand') ?? '').split(',').includes('groups')) return json(user);
      const groups = req.store.all('group').filter((g) => g.memberIds.includes(req.principal.accountId));
      return json({
        ...user,
        groups: {
          size: groups.length,
          items: groups.map((g) => ({
            name: g.name,
            groupId: g.groupId,
            self: `${req.baseUrl}/rest/api/3/group?groupId=${g.groupId}`,
          })),
        },
      });
    },
  },
  {
    method: 'GET',
    template: '/rest/api/3/field',
    handler: (req) =>
      json([
        ...SYSTEM_FIELDS.map((f) => ({
          id: f.id,
          key: f.id,
          name: f.name,
          custom: false,
          orderable: true,
          navigable: true,
          searchable: true,
          clauseNames: [f.id],
          schema: f.schema,
        })),
        {
          id: SPRINT_FIELD_ID,
          key: SPRINT_FIELD_ID,
          name: 'Sprint',
          custom: true,
          orderable: true,
          navigable: true,
          searchable: true,
          clauseNames: ['cf[10020]', 'Sprint', 'sprint'],
          schema: { type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint', customId: 10020 },
        },
        ...req.store.all('customField').map((f) => ({
          id: f.id,
          key: f.id,
          name: f.name,
          custom: true,
          orderable: true,
          navigable: true,
          searchable: true,
          clauseNames: [`cf[${f.numericId}]`, f.name],
          schema: {
            type: f.type === 'object' ? 'any' : f.type,
            custom: `ari:cloud:ecosystem::extension/local/static/${f.moduleKey}`,
            customId: f.numericId,
          },
        })),
      ]),
  },
  {
    method: 'GET',
    template: '/rest/api/3/mypermissions',
    handler: (req) => {
      const requested = (req.query.get('permissions') ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      if (requested.length === 0) throw new JiraError(400, ['The permissions query parameter is required.']);
      const unknown = requested.filter(
        (p) => !(PROJECT_PERMISSIONS as readonly string[]).includes(p) && p !== 'ADMINISTER',
      );
      if (unknown.length > 0) throw new JiraError(400, [`Unrecognized permissions: ${unknown.join(', ')}`]);
      // Jira reads an id from issueId and a key from issueKey; a key sent as issueId is not found.
      const issueId = req.query.get('issueId');
      if (issueId !== null && !/^\d+$/.test(issueId))
        throw new JiraError(404, ['Issue does not exist or you do not have permission to see it.']);
      const issueRef = req.query.get('issueKey') ?? issueId;
      const projectRef = req.query.get('projectKey') ?? req.query.get('projectId');
      const project = issueRef
        ? req.store.get('project', findIssue(req, issueRef).projectId)
        : projectRef
          ? findProject(req, projectRef)
          : undefined;
      const permissions: Record<string, unknown> = {};
      for (const key of requested) {
        const have =
          key === 'ADMINISTER'
            ? administersJira(req.principal)
            : project
              ? hasProjectPermission(req.store, req.principal, project, key as ProjectPermission)
              : req.store
                  .all('project')
                  .some((p) => hasProjectPermission(req.store, req.principal, p, key as ProjectPermission));
        permissions[key] = {
          id: key,
          key,
          name: key,
          type: key === 'ADMINISTER' ? 'GLOBAL' : 'PROJECT',
          description: '',
          havePermission: have,
        };
      }
      return json({ permissions });
    },
  },
  { method: 'POST', template: '/rest/api/3/permissions/check', handler: bulkPermissionCheck },
];
