import { JiraError, created, json, noContent, type SiteRequest } from '../http';
import type { LocalIssue } from '../model';
import type { Route } from '../router';
import { requireProjectPermission } from '../permissions';
import { issueJson, listParam, statusJson } from '../serialize';
import { applyFields, applyLabelUpdates, failOnErrors, readBody } from './issue-fields';
import { createLink } from './links';
import { ISSUE_NOT_FOUND, canBrowseIssue, checkPropertyWrite, findIssue, findProject, touch } from './lookup';

const now = () => new Date().toISOString().replace('Z', '+0000');

const idOrKeyOf = (ref: unknown): string => {
  const r = (ref ?? {}) as { id?: unknown; key?: unknown };
  return String(r.id ?? r.key ?? '');
};

function createIssue(req: SiteRequest) {
  const { fields, update, properties } = readBody(req);
  if (!fields.project) throw new JiraError(400, [], { project: 'Specify a valid project ID or key' });
  const project = findProject(req, idOrKeyOf(fields.project));
  requireProjectPermission(req.store, req.principal, project, 'CREATE_ISSUES', ISSUE_NOT_FOUND);
  const typeRef = (fields.issuetype ?? {}) as { id?: unknown; name?: unknown };
  const type = req.store.all('issueType').find((t) => t.id === String(typeRef.id) || t.name === typeRef.name);
  const errors: Record<string, string> = {};
  if (!type) errors.issuetype = 'Specify an issue type';
  if (fields.summary === undefined) errors.summary = 'You must specify a summary of the issue.';
  const props = parsePropertyList(properties, errors);
  const links = parseLinkUpdates(req, update, errors);
  const stamp = now();
  const draft: LocalIssue = {
    id: 0,
    key: '',
    projectId: project.id,
    issueTypeId: type?.id ?? '',
    statusId: '10000',
    summary: '',
    description: null,
    labels: [],
    reporterAccountId: req.principal.accountId,
    creatorAccountId: req.principal.accountId,
    assigneeAccountId: null,
    created: stamp,
    updated: stamp,
    rank: 0,
    sprintId: null,
    customFields: {},
    properties: props,
  };
  const filled = applyFields(req, draft, fields, errors);
  failOnErrors(errors);
  // Everything is validated before anything is written: a failed create leaves nothing behind.
  const id = req.store.next('issue', 10000);
  const issue = req.store.put('issue', id, {
    ...filled,
    id,
    key: `${project.key}-${req.store.next(`issue-number/${project.id}`)}`,
    rank: id,
  });
  for (const link of links) {
    const other = findIssue(req, link.otherIdOrKey);
    if (link.direction === 'outward') createLink(req, link.type, issue, other);
    else createLink(req, link.type, other, issue);
  }
  req.emit({
    type: 'issue_created',
    issueId: issue.id,
    actorAccountId: req.principal.accountId,
    changedFields: Object.keys(fields),
  });
  return created({ id: String(issue.id), key: issue.key, self: `${req.baseUrl}/rest/api/3/issue/${issue.id}` });
}

function parsePropertyList(properties: unknown, errors: Record<string, string>): Record<string, unknown> {
  if (properties === undefined) return {};
  if (!Array.isArray(properties)) {
    errors.properties = 'properties must be a list of { key, value }.';
    return {};
  }
  const result: Record<string, unknown> = {};
  for (const p of properties as Array<{ key?: unknown; value?: unknown } | null>) {
    if (typeof p?.key !== 'string') errors.properties = 'Every property needs a key.';
    else {
      checkPropertyWrite(p.key, p.value);
      result[p.key] = p.value;
    }
  }
  return result;
}

interface PendingLink {
  type: { id?: unknown; name?: unknown };
  direction: 'inward' | 'outward';
  otherIdOrKey: string;
}

function parseLinkUpdates(
  req: SiteRequest,
  update: Record<string, unknown>,
  errors: Record<string, string>,
): PendingLink[] {
  const ops = update.issuelinks;
  if (ops === undefined) return [];
  if (!Array.isArray(ops)) {
    errors.issuelinks = 'issuelinks must be a list of operations.';
    return [];
  }
  return ops
    .map((op: { add?: { type?: PendingLink['type']; inwardIssue?: unknown; outwardIssue?: unknown } }) => {
      const add = op.add;
      if (!add?.type || (!add.inwardIssue && !add.outwardIssue)) {
        errors.issuelinks = 'Each issue link needs a type and an inward or outward issue.';
        return undefined;
      }
      const direction: PendingLink['direction'] = add.outwardIssue ? 'outward' : 'inward';
      const otherIdOrKey = idOrKeyOf(add.outwardIssue ?? add.inwardIssue);
      findIssue(req, otherIdOrKey);
      return { type: add.type, direction, otherIdOrKey };
    })
    .filter((l): l is PendingLink => l !== undefined);
}

/**
 * Edit issue: the fields, and the issue properties its `properties` list sets ("Issue properties
 * may be updated as part of the edit", IssueUpdateDetails.properties, EntityProperty items), each
 * checked as the property PUT checks it, under the edit's own Edit issues permission. Everything
 * is validated before anything is stored, so a refused edit sets neither fields nor properties.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-put
 */
function editIssue(req: SiteRequest) {
  const issue = findIssue(req, req.params.issueIdOrKey ?? '', 'EDIT_ISSUES');
  const { fields, update, properties } = readBody(req);
  const errors: Record<string, string> = {};
  const props = parsePropertyList(properties, errors);
  const edited = applyLabelUpdates(applyFields(req, issue, fields, errors), update, errors);
  failOnErrors(errors);
  req.store.put('issue', issue.id, touch({ ...edited, properties: { ...edited.properties, ...props } }));
  const changed = [...Object.keys(fields), ...Object.keys(update)];
  req.emit({
    type: 'issue_updated',
    issueId: issue.id,
    actorAccountId: req.principal.accountId,
    changedFields: changed,
  });
  return noContent();
}

const TRANSITIONS = [
  { id: '11', statusId: '10000', name: 'To Do' },
  { id: '21', statusId: '3', name: 'In Progress' },
  { id: '31', statusId: '10001', name: 'In Review' },
  { id: '41', statusId: '10002', name: 'Done' },
];

const propertyRoutes: Route[] = [
  {
    method: 'GET',
    template: '/rest/api/3/issue/{issueIdOrKey}/properties',
    handler: (req) => {
      const issue = findIssue(req, req.params.issueIdOrKey ?? '');
      return json({
        keys: Object.keys(issue.properties).map((key) => ({
          key,
          self: `${req.baseUrl}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}`,
        })),
      });
    },
  },
  {
    method: 'GET',
    template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    handler: (req) => {
      const issue = findIssue(req, req.params.issueIdOrKey ?? '');
      const key = req.params.propertyKey ?? '';
      if (!(key in issue.properties)) throw new JiraError(404, [`The property with key '${key}' does not exist.`]);
      return json({ key, value: issue.properties[key] });
    },
  },
  {
    method: 'PUT',
    template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    handler: (req) => {
      const issue = findIssue(req, req.params.issueIdOrKey ?? '', 'EDIT_ISSUES');
      const key = req.params.propertyKey ?? '';
      checkPropertyWrite(key, req.body);
      const existed = key in issue.properties;
      req.store.put('issue', issue.id, { ...issue, properties: { ...issue.properties, [key]: req.body } });
      return existed ? json({}) : created({});
    },
  },
  {
    method: 'DELETE',
    template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    handler: (req) => {
      const issue = findIssue(req, req.params.issueIdOrKey ?? '', 'EDIT_ISSUES');
      const key = req.params.propertyKey ?? '';
      if (!(key in issue.properties)) throw new JiraError(404, [`The property with key '${key}' does not exist.`]);
      const { [key]: _removed, ...rest } = issue.properties;
      req.store.put('issue', issue.id, { ...issue, properties: rest });
      return noContent();
    },
  },
];

const transitionRoutes: Route[] = [
  {
    method: 'GET',
    template: '/rest/api/3/issue/{issueIdOrKey}/transitions',
    handler: (req) => {
      findIssue(req, req.params.issueIdOrKey ?? '');
      return json({
        expand: 'transitions',
        transitions: TRANSITIONS.map((t) => {
          const status = req.store.get('status', t.statusId);
          return {
            id: t.id,
            name: t.name,
            hasScreen: false,
            isGlobal: true,
            isInitial: false,
            isAvailable: true,
            isConditional: false,
            isLooped: false,
            // A transition's `to` is a StatusDetails, with its statusCategory, as Jira Cloud answers it:
            // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-transitions-get
            to: status ? statusJson(status, req.baseUrl) : undefined,
          };
        }),
      });
    },
  },
  {
    method: 'POST',
    template: '/rest/api/3/issue/{issueIdOrKey}/transitions',
    handler: (req) => {
      const issue = findIssue(req, req.params.issueIdOrKey ?? '', 'TRANSITION_ISSUES');
      const id = String(((req.body ?? {}) as { transition?: { id?: unknown } }).transition?.id ?? '');
      const transition = TRANSITIONS.find((t) => t.id === id);
      if (!transition) throw new JiraError(400, [`Transition id '${id}' is not valid for this issue.`]);
      req.store.put('issue', issue.id, touch({ ...issue, statusId: transition.statusId }));
      req.emit({
        type: 'issue_updated',
        issueId: issue.id,
        actorAccountId: req.principal.accountId,
        changedFields: ['status'],
      });
      return noContent();
    },
  },
];

const MAX_BULK_PROPERTIES = 5;

/**
 * Up to 100 issues by id or key, read fresh (not through the search index): what the app uses
 * to read issues it knows right after writing them. Unknown issues and issues the caller may
 * not browse are left out, as Jira does.
 */
function bulkFetch(req: SiteRequest) {
  const body = (req.body ?? {}) as { issueIdsOrKeys?: unknown; fields?: unknown; properties?: unknown };
  const refs = body.issueIdsOrKeys;
  if (!Array.isArray(refs) || refs.length === 0) throw new JiraError(400, ['issueIdsOrKeys must be a non-empty list.']);
  if (refs.length > 100) throw new JiraError(400, ['You can request up to 100 issues.']);
  // "A maximum of 5 issue property keys can be specified" (BulkFetchIssueRequestBean.properties):
  // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-bulkfetch-post
  const list = (v: unknown) => (Array.isArray(v) ? listParam(v.map(String)) : []);
  if (list(body.properties).length > MAX_BULK_PROPERTIES)
    throw new JiraError(400, [`A maximum of ${MAX_BULK_PROPERTIES} issue property keys can be specified.`]);
  const issues = new Map<number, LocalIssue>();
  for (const ref of refs.map(String)) {
    const issue = /^\d+$/.test(ref) ? req.store.get('issue', ref) : req.store.issueByKey(ref);
    if (issue && canBrowseIssue(req, issue)) issues.set(issue.id, issue);
  }
  return json({
    issues: [...issues.values()]
      .sort((a, b) => a.id - b.id)
      .map((issue) =>
        issueJson(issue, req.store, req.baseUrl, {
          fields: list(body.fields),
          properties: list(body.properties),
          defaultAllFields: false,
          viewer: req.principal,
        }),
      ),
    issueErrors: [],
  });
}

export const issueRoutes: Route[] = [
  { method: 'POST', template: '/rest/api/3/issue', handler: createIssue },
  { method: 'POST', template: '/rest/api/3/issue/bulkfetch', handler: bulkFetch },
  {
    method: 'GET',
    template: '/rest/api/3/issue/{issueIdOrKey}',
    handler: (req) => {
      const issue = findIssue(req, req.params.issueIdOrKey ?? '');
      const fields = listParam(req.query.getAll('fields'));
      const properties = listParam(req.query.getAll('properties'));
      return json(
        issueJson(issue, req.store, req.baseUrl, { fields, properties, defaultAllFields: true, viewer: req.principal }),
      );
    },
  },
  { method: 'PUT', template: '/rest/api/3/issue/{issueIdOrKey}', handler: editIssue },
  ...propertyRoutes,
  ...transitionRoutes,
];
