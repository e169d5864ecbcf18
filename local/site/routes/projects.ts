import { JiraError, json, noContent, created } from '../http';
import type { Route } from '../router';
import { hasProjectPermission } from '../permissions';
import { issueTypeJson, projectJson, statusJson } from '../serialize';
import { checkPropertyWrite, findProject } from './lookup';

const propertyId = (projectId: number, key: string) => `${projectId}/${key}`;

export const projectRoutes: Route[] = [
  {
    method: 'GET',
    template: '/rest/api/3/project/{projectIdOrKey}',
    handler: (req) => {
      const project = findProject(req, req.params.projectIdOrKey ?? '');
      // `properties` names project properties to return with the project; unknown keys are left out.
      const wanted = req.query
        .getAll('properties')
        .flatMap((k) => k.split(','))
        .map((k) => k.trim())
        .filter(Boolean);
      const properties = Object.fromEntries(
        wanted.flatMap((key) => {
          const property = req.store.get('projectProperty', propertyId(project.id, key));
          return property ? [[key, property.value]] : [];
        }),
      );
      return json({ ...projectJson(project, req.store, req.baseUrl), ...(wanted.length > 0 ? { properties } : {}) });
    },
  },
  {
    method: 'GET',
    template: '/rest/api/3/project/search',
    handler: (req) => {
      const startAt = Number(req.query.get('startAt') ?? 0);
      const maxResults = Math.min(Number(req.query.get('maxResults') ?? 50), 100);
      const keys = new Set(
        req.query
          .getAll('keys')
          .flatMap((k) => k.split(','))
          .map((k) => k.toUpperCase()),
      );
      const query = (req.query.get('query') ?? '').toLowerCase();
      const visible = req.store
        .all('project')
        .filter((p) => hasProjectPermission(req.store, req.principal, p, 'BROWSE_PROJECTS'))
        .filter((p) => keys.size === 0 || keys.has(p.key.toUpperCase()))
        .filter((p) => !query || p.key.toLowerCase().includes(query) || p.name.toLowerCase().includes(query))
        .sort((a, b) => a.key.localeCompare(b.key));
      const page = visible.slice(startAt, startAt + maxResults);
      return json({
        self: `${req.baseUrl}/rest/api/3/project/search?startAt=${startAt}&maxResults=${maxResults}`,
        maxResults,
        startAt,
        total: visible.length,
        isLast: startAt + page.length >= visible.length,
        values: page.map((p) => projectJson(p, req.store, req.baseUrl)),
      });
    },
  },
  {
    method: 'GET',
    template: '/rest/api/3/project/{projectIdOrKey}/statuses',
    handler: (req) => {
      findProject(req, req.params.projectIdOrKey ?? '');
      // One workflow for every issue type on the local site.
      const statuses = req.store.all('status').map((status) => statusJson(status, req.baseUrl));
      return json(
        req.store.all('issueType').map((type) => {
          const { id, name, subtask, self } = issueTypeJson(type, req.baseUrl);
          return { id, name, subtask, self, statuses };
        }),
      );
    },
  },
  {
    method: 'GET',
    template: '/rest/api/3/project/{projectIdOrKey}/properties',
    handler: (req) => {
      const project = findProject(req, req.params.projectIdOrKey ?? '');
      const keys = req.store
        .all('projectProperty')
        .filter((p) => p.projectId === project.id)
        .map((p) => ({
          key: p.key,
          self: `${req.baseUrl}/rest/api/3/project/${project.id}/properties/${encodeURIComponent(p.key)}`,
        }));
      return json({ keys });
    },
  },
  {
    method: 'GET',
    template: '/rest/api/3/project/{projectIdOrKey}/properties/{propertyKey}',
    handler: (req) => {
      const project = findProject(req, req.params.projectIdOrKey ?? '');
      const property = req.store.get('projectProperty', propertyId(project.id, req.params.propertyKey ?? ''));
      if (!property) throw new JiraError(404, [`The property with key '${req.params.propertyKey}' does not exist.`]);
      return json({ key: property.key, value: property.value });
    },
  },
  {
    method: 'PUT',
    template: '/rest/api/3/project/{projectIdOrKey}/properties/{propertyKey}',
    handler: (req) => {
      const project = findProject(req, req.params.projectIdOrKey ?? '', 'ADMINISTER_PROJECTS');
      const key = req.params.propertyKey ?? '';
      checkPropertyWrite(key, req.body);
      const existed = req.store.get('projectProperty', propertyId(project.id, key)) !== undefined;
      req.store.put('projectProperty', propertyId(project.id, key), { projectId: project.id, key, value: req.body });
      return existed ? json({}) : created({});
    },
  },
  {
    method: 'DELETE',
    template: '/rest/api/3/project/{projectIdOrKey}/properties/{propertyKey}',
    handler: (req) => {
      const project = findProject(req, req.params.projectIdOrKey ?? '', 'ADMINISTER_PROJECTS');
      if (!req.store.delete('projectProperty', propertyId(project.id, req.params.propertyKey ?? ''))) {
        throw new JiraError(404, [`The property with key '${req.params.propertyKey}' does not exist.`]);
      }
      return noContent();
    },
  },
];
