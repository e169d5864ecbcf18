import { JiraError, json, type SiteRequest } from '../http';
import type { LocalIssue } from '../model';
import type { Route } from '../router';
import { compileJql, JqlError, type IndexedPropertyValue } from '../jql/compile-jql';
import { issueJson, listParam } from '../serialize';
import type { Faults } from '../faults';
import type { SearchIndex } from '../search-index';
import { canBrowseIssue } from './lookup';

const MAX_PROPERTIES = 5;
const MAX_PAGE_IDS_ONLY = 5000;
const MAX_PAGE_WITH_DATA = 100;
/** "Accepts max 50 ids" (search/jql, reconcileIssues). */
const MAX_RECONCILE = 50;

interface SearchInput {
  jql: string;
  nextPageToken?: string;
  maxResults: number;
  fields: string[];
  properties: string[];
  reconcileIssues: unknown[];
}

function readGet(req: SiteRequest): SearchInput {
  return {
    jql: req.query.get('jql') ?? '',
    nextPageToken: req.query.get('nextPageToken') ?? undefined,
    maxResults: Number(req.query.get('maxResults') ?? 50),
    fields: listParam(req.query.getAll('fields')),
    properties: listParam(req.query.getAll('properties')),
    reconcileIssues: listParam(req.query.getAll('reconcileIssues')),
  };
}

function readPost(req: SiteRequest): SearchInput {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const list = (v: unknown) =>
    Array.isArray(v) ? listParam(v.map(String)) : typeof v === 'string' ? listParam([v]) : [];
  return {
    jql: typeof body.jql === 'string' ? body.jql : '',
    nextPageToken: typeof body.nextPageToken === 'string' ? body.nextPageToken : undefined,
    maxResults: typeof body.maxResults === 'number' ? body.maxResults : 50,
    fields: list(body.fields),
    properties: list(body.properties),
    reconcileIssues:
      body.reconcileIssues === undefined
        ? []
        : Array.isArray(body.reconcileIssues)
          ? body.reconcileIssues
          : [body.reconcileIssues],
  };
}

// Page tokens carry the offset and the query they belong to, so a token cannot be replayed
// against another query.
const encodeToken = (offset: number, jql: string) =>
  Buffer.from(JSON.stringify({ o: offset, q: jql })).toString('base64url');

function decodeToken(token: string | undefined, jql: string): number {
  if (!token) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; q?: unknown };
    if (typeof parsed.o === 'number' && parsed.o >= 0 && parsed.q === jql) return parsed.o;
  } catch {
    // fall through to the error below
  }
  throw new JiraError(400, ['The provided next page token is invalid or expired.']);
}

const isUnbounded = (jql: string) => jql.replace(/\border\s+by\b[\s\S]*$/i, '').trim() === '';

function reconcileSet(ids: unknown[]): Set<string> {
  if (ids.length > MAX_RECONCILE)
    throw new JiraError(400, [`reconcileIssues accepts at most ${MAX_RECONCILE} issue ids.`]);
  const bad = ids.find((id) => !/^\d+$/.test(String(id)));
  if (bad !== undefined)
    throw new JiraError(400, [`reconcileIssues must hold issue ids (numbers), not '${String(bad)}'.`]);
  return new Set(ids.map(String));
}

/**
 * Whether a match the index holds exists for the caller: as the index has it, and as the issue
 * is now, the stricter of the two. So a security level set a moment ago hides the issue at once,
 * while one removed a moment ago shows it only once the index has the write.
 */
const visibleMatch = (req: SiteRequest, indexed: LocalIssue): boolean => {
  const current = req.store.get('issue', indexed.id);
  return canBrowseIssue(req, indexed) && (current === undefined || canBrowseIssue(req, current));
};

interface SearchOptions {
  indexedProperties: IndexedPropertyValue[];
  faults: Faults;
  searchIndex: SearchIndex;
}

function refuseUnbounded(jql: string) {
  if (isUnbounded(jql))
    throw new JiraError(400, [
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    ]);
}

function compiledJql(req: SiteRequest, jql: string, indexedProperties: IndexedPropertyValue[]) {
  try {
    return compileJql(jql, {
      projects: req.store.all('project'),
      issueTypes: req.store.all('issueType'),
      statuses: req.store.all('status'),
      sprints: req.store.all('sprint'),
      customFields: req.store.all('customField'),
      indexedProperties,
      currentAccountId: req.principal.accountId,
    });
  } catch (error) {
    if (error instanceof JqlError) throw new JiraError(400, error.errorMessages);
    throw error;
  }
}

function search(req: SiteRequest, input: SearchInput, options: SearchOptions) {
  refuseUnbounded(input.jql);
  if (input.properties.length > MAX_PROPERTIES)
    throw new JiraError(400, [`You can request up to ${MAX_PROPERTIES} issue properties.`]);
  if (!Number.isInteger(input.maxResults) || input.maxResults < 0)
    throw new JiraError(400, ['maxResults must be a positive whole number.']);
  const idsOnly = input.properties.length === 0 && input.fields.every((f) => f === 'id' || f === 'key');
  const pageSize = Math.min(input.maxResults, idsOnly ? MAX_PAGE_IDS_ONLY : MAX_PAGE_WITH_DATA);
  const compiled = compiledJql(req, input.jql, options.indexedProperties);
  const reconcile = reconcileSet(input.reconcileIssues);
  const offset = decodeToken(input.nextPageToken, input.jql);
  // The index, not the store: a write shows up only after the index caught up with it, unless
  // its issue is reconciled.
  const matches = options.searchIndex
    .issues(reconcile)
    .filter((issue) => visibleMatch(req, issue) && compiled.matches(issue))
    .sort((a, b) => compiled.compare(a, b));
  // Jira may answer fewer issues than maxResults although more follow (fault setting).
  const page = matches.slice(offset, offset + options.faults.pageSize(pageSize));
  const isLast = offset + page.length >= matches.length;
  return json({
    issues: page.map((issue) =>
      issueJson(issue, req.store, req.baseUrl, {
        fields: input.fields,
        properties: input.properties,
        defaultAllFields: false,
        viewer: req.principal,
      }),
    ),
    ...(isLast ? {} : { nextPageToken: encodeToken(offset + page.length, input.jql) }),
    isLast,
  });
}

/**
 * POST search/approximate-count (countIssues): `{ count }` of the issues the JQL matches that the
 * caller may browse. Atlassian documents it as an estimate ("Recent updates might not be
 * immediately visible") that "requires JQL to be bounded", and its body takes `jql` alone
 * (JQLCountRequestBean, additionalProperties false): so it counts from the search index, which
 * lags writes like Jira's (STRICT_SEARCH), and refuses unbounded JQL and other keys.
 */
function approximateCount(req: SiteRequest, options: SearchOptions) {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(body).filter((k) => k !== 'jql');
  if (typeof body.jql !== 'string' || unknown.length > 0)
    throw new JiraError(400, [
      unknown.length > 0 ? `Unrecognized field "${unknown[0]}".` : 'The request must name a JQL query (jql).',
    ]);
  refuseUnbounded(body.jql);
  const compiled = compiledJql(req, body.jql, options.indexedProperties);
  const count = options.searchIndex
    .issues()
    .filter((issue) => visibleMatch(req, issue) && compiled.matches(issue)).length;
  return json({ count });
}

export const searchRoutes = (options: SearchOptions): Route[] => [
  {
    method: 'POST',
    template: '/rest/api/3/search/approximate-count',
    handler: (req) => approximateCount(req, options),
  },
  { method: 'GET', template: '/rest/api/3/search/jql', handler: (req) => search(req, readGet(req), options) },
  { method: 'POST', template: '/rest/api/3/search/jql', handler: (req) => search(req, readPost(req), options) },
];
