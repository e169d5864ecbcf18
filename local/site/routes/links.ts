import { JiraError, created, json, type SiteRequest } from '../http';
import type { LocalIssue } from '../model';
import type { Route } from '../router';
import type { LocalLinkType } from '../store';
import { administersJira, hasProjectPermission } from '../permissions';
import { findIssue } from './lookup';

interface TypeRef {
  id?: unknown;
  name?: unknown;
}
interface IssueRef {
  id?: unknown;
  key?: unknown;
}

const linkTypeJson = (type: LocalLinkType, baseUrl: string) => ({
  ...type,
  self: `${baseUrl}/rest/api/3/issueLinkType/${type.id}`,
});

export function findLinkType(req: SiteRequest, ref: TypeRef | undefined): LocalLinkType {
  const type = req.store
    .all('linkType')
    .find(
      (t) =>
        (ref?.id !== undefined && t.id === String(ref.id)) ||
        (typeof ref?.name === 'string' && t.name.toLowerCase() === ref.name.toLowerCase()),
    );
  if (!type) throw new JiraError(404, [`No issue link type with name '${String(ref?.name ?? ref?.id)}' found.`]);
  return type;
}

const refString = (ref: IssueRef | undefined): string => String(ref?.key ?? ref?.id ?? '');

/** Creates a link after checking the caller may link issues in the inward issue's project. */
export function createLink(
  req: SiteRequest,
  typeRef: TypeRef | undefined,
  inward: LocalIssue,
  outward: LocalIssue,
): string {
  const type = findLinkType(req, typeRef);
  const project = req.store.get('project', inward.projectId);
  if (!project || !hasProjectPermission(req.store, req.principal, project, 'LINK_ISSUES')) {
    throw new JiraError(403, ['You do not have the permission to link issues.']);
  }
  const duplicate = req.store
    .all('link')
    .find((l) => l.typeId === type.id && l.inwardIssueId === inward.id && l.outwardIssueId === outward.id);
  if (duplicate) return duplicate.id;
  const id = String(req.store.next('link', 10000));
  req.store.put('link', id, { id, typeId: type.id, inwardIssueId: inward.id, outwardIssueId: outward.id });
  req.emit({ type: 'issuelink_created', linkId: id, actorAccountId: req.principal.accountId });
  return id;
}

export const linkRoutes: Route[] = [
  {
    method: 'POST',
    template: '/rest/api/3/issueLink',
    handler: (req) => {
      const body = (req.body ?? {}) as { type?: TypeRef; inwardIssue?: IssueRef; outwardIssue?: IssueRef };
      if (!body.type || !body.inwardIssue || !body.outwardIssue)
        throw new JiraError(400, ['type, inwardIssue and outwardIssue are required.']);
      const inward = findIssue(req, refString(body.inwardIssue));
      const outward = findIssue(req, refString(body.outwardIssue));
      createLink(req, body.type, inward, outward);
      return created(undefined);
    },
  },
  {
    method: 'GET',
    template: '/rest/api/3/issueLinkType',
    handler: (req) => json({ issueLinkTypes: req.store.all('linkType').map((t) => linkTypeJson(t, req.baseUrl)) }),
  },
  {
    method: 'POST',
    template: '/rest/api/3/issueLinkType',
    handler: (req) => {
      // Jira requires the global "Administer Jira" permission (the app's identity has it) and
      // answers 404 without it, as for a name in use: "Returned if: issue linking is disabled; the
      // issue link type name is in use; the user does not have the required permissions."
      // (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-link-types/#api-rest-api-3-issuelinktype-post)
      if (!administersJira(req.principal))
        throw new JiraError(404, ['You do not have permission to create issue link types.']);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const { name, inward, outward } = body;
      if (
        typeof name !== 'string' ||
        typeof inward !== 'string' ||
        typeof outward !== 'string' ||
        !name ||
        !inward ||
        !outward
      ) {
        throw new JiraError(400, ['name, inward and outward are required.']);
      }
      if (req.store.all('linkType').some((t) => t.name.toLowerCase() === name.toLowerCase())) {
        throw new JiraError(404, [`An issue link type with the name '${name}' already exists.`]);
      }
      const id = String(req.store.next('linkType', 10100));
      const type = req.store.put('linkType', id, { id, name, inward, outward });
      return created(linkTypeJson(type, req.baseUrl));
    },
  },
];
