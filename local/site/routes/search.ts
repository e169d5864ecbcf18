import { JiraError, json, type SiteRequest } from '../http';
import type { Route } from '../router';
import { compileJql, JqlError, type IndexedPropertyValue } from '../jql/compile-jql';
import { issueJson, listParam } from '../serialize';
import { canBrowseIssue } from './lookup';

const MAX_PROPERTIES = 5;
const MAX_PAGE_IDS_ONLY = 5000;
const MAX_PAGE_WITH_DATA = 100;

interface SearchInput {
  jql: string;
  nextPageToken?: string;
  maxResults: number;
  fields: string[];
  properties: string[];
}

function readGet(req: SiteRequest): SearchInput {
  return {
    jql: req.query.get('jql') ?? '',
    nextPageToken: req.query.get('nextPageToken') ?? undefined,
    maxResults: Number(req.query.get('maxResults') ?? 50),
    fields: listParam(req.query.getAll('fields')),
    properties: listParam(req.query.getAll('properties')),
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

function search(req: SiteRequest, input: SearchInput, indexedProperties: IndexedPropertyValue[]) {
  if (isUnbounded(input.jql))
    throw new JiraError(400, [
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    ]);
  if (input.properties.length > MAX_PROPERTIES)
    throw new JiraError(400, [`You can request up to ${MAX_PROPERTIES} issue properties.`]);
  if (!Number.isInteger(input.maxResults) || input.maxResults < 0)
    throw new JiraError(400, ['maxResults must be a positive whole number.']);
  const idsOnly = input.properties.length === 0 && input.fields.every((f) => f === 'id' || f === 'key');
  const pageSize = Math.min(input.maxResults, idsOnly ? MAX_PAGE_IDS_ONLY : MAX_PAGE_WITH_DATA);
  let compiled;
  try {
    compiled = compileJql(input.jql, {
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
  const offset = decodeToken(input.nextPageToken, input.jql);
  const matches = req.store
    .all('issue')
    .filter((issue) => canBrowseIssue(req, issue) && compiled.matches(issue))
    .sort((a, b) => compiled.compare(a, b));
  const page = matches.slice(offset, offset + pageSize);
  const isLast = offset + page.length >= matches.length;
  return json({
    issues: page.map((issue) =>
      issueJson(issue, req.store, req.baseUrl, {
        fields: input.fields,
        properties: input.properties,
        defaultAllFields: false,
      }),
    ),
    ...(isLast ? {} : { nextPageToken: encodeToken(offset + page.length, input.jql) }),
    isLast,
  });
}

export const searchRoutes = (indexedProperties: IndexedPropertyValue[]): Route[] => [
  { method: 'GET', template: '/rest/api/3/search/jql', handler: (req) => search(req, readGet(req), indexedProperties) },
  {
    method: 'POST',
    template: '/rest/api/3/search/jql',
    handler: (req) => search(req, readPost(req), indexedProperties),
  },
];
