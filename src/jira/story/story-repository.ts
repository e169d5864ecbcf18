import { route } from '@forge/api';
import type { ProtectedStory } from '../../domain/mitigation/mitigation-task-description';
import { readStoryClauses, type StoryClausesValue } from '../../domain/story/story-clauses';
import type { JiraClient } from '../client/jira-client';
import { IssueRecord, restrictedOf } from '../client/jira-schemas';
import { searchIssues } from '../client/search-issues';
import { jqlString } from '../client/jql';
import { JiraApiError } from '../client/jira-errors';

export interface StoryRecord {
  id: string;
  key: string;
  summary: string;
  projectKey: string;
  /** The raw value of the app's clauses field; the domain parses it. */
  clausesValue: unknown;
  /** The raw without.task property, set when the issue is a mitigation task. */
  taskValue: unknown;
  /** The raw values of the other issue properties asked for (readStory's `extraKeys`) that exist. */
  extra?: Record<string, unknown>;
}

/** The story, with `extraKeys` (other issue properties, e.g. its save locks) read in the same request. */
export async function readStory(
  client: JiraClient,
  issueIdOrKey: string,
  clausesFieldId: string,
  extraKeys: string[] = [],
): Promise<StoryRecord> {
  const { fields, properties } = storyReadOf(clausesFieldId, extraKeys);
  const issue = await client.get(
    route`/rest/api/3/issue/${issueIdOrKey}?fields=${fields.join(',')}&properties=${properties.join(',')}`.value,
    IssueRecord,
  );
  return storyFromIssue(issue, clausesFieldId, extraKeys);
}

/** The fields and issue properties readStory asks for (another read may ask them beside its own). */
export const storyReadOf = (clausesFieldId: string, extraKeys: string[] = []) => ({
  fields: ['summary', 'project', clausesFieldId],
  properties: ['without.task', ...extraKeys],
});

/** The story readStory answers, from an issue read with storyReadOf's fields and properties. */
export function storyFromIssue(issue: IssueRecord, clausesFieldId: string, extraKeys: string[] = []): StoryRecord {
  const extra = Object.fromEntries(extraKeys.filter((k) => k in issue.properties).map((k) => [k, issue.properties[k]]));
  return { ...storyRecord(issue, clausesFieldId), ...(extraKeys.length > 0 ? { extra } : {}) };
}

function storyRecord(issue: IssueRecord, clausesFieldId: string): StoryRecord {
  const project = issue.fields.project as { key?: unknown } | undefined;
  return {
    id: issue.id,
    key: issue.key,
    summary: typeof issue.fields.summary === 'string' ? issue.fields.summary : '',
    projectKey: typeof project?.key === 'string' ? project.key : '',
    clausesValue: issue.fields[clausesFieldId],
    taskValue: issue.properties['without.task'],
  };
}

/**
 * The stories whose clauses or direct links point at any of the threats: one search.
 * `justWritten`: ids of stories the caller has just written (at most 50), which search would
 * otherwise answer as they were before the write.
 */
export async function storiesLinkedTo(
  user: JiraClient,
  projectKey: string,
  field: { id: string; name: string },
  threatIds: string[],
  justWritten: string[] = [],
): Promise<ProtectedStory[]> {
  if (threatIds.length === 0) return [];
  const stories = await searchIssues(user, {
    jql: `project = ${jqlString(projectKey)} AND ${jqlString(field.name)}.threat IN (${threatIds.map(jqlString).join(', ')}) ORDER BY key ASC`,
    fields: ['summary', field.id, 'security'],
    limit: 50,
    reconcileIssues: justWritten,
  });
  return stories.map((s) => ({
    key: s.key,
    summary: typeof s.fields.summary === 'string' ? s.fields.summary : '',
    clauses: readStoryClauses(s.fields[field.id]).clauses,
    ...restrictedOf(s.fields),
  }));
}

/** What the person reads when Jira refuses the field because it is on no screen of the issue. */
export const FIELD_NOT_ON_SCREEN =
  'The "WITHOUT clauses" field is not on the edit screen of this issue type in this project, so Jira does not let anyone set it here. ' +
  'A Jira administrator can add it: Project settings > Issue types (or Screens) > add the field "WITHOUT clauses".';

/** An issue property set in the same edit as a field (Edit issue's `properties`). */
export interface IssuePropertyWrite {
  key: string;
  value: unknown;
}

/**
 * Writes the clauses field as the person: Jira itself enforces their edit permission. Jira
 * also refuses a field that is not on the issue type's edit screen, which is where a Forge
 * field is until an administrator adds it; that refusal is told in words the person can act on.
 * `properties` are issue properties set in the same request (Edit issue's body takes them, under
 * the same Edit issues permission as the property PUT), so keeping one costs no request of its own.
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-put
 */
export async function writeStoryClauses(
  user: JiraClient,
  issueId: string,
  clausesFieldId: string,
  value: StoryClausesValue,
  properties: IssuePropertyWrite[] = [],
): Promise<void> {
  try {
    await user.send(route`/rest/api/3/issue/${issueId}`.value, {
      method: 'PUT',
      body: JSON.stringify({
        fields: { [clausesFieldId]: value },
        ...(properties.length > 0 ? { properties } : {}),
      }),
    });
  } catch (error) {
    const notOnScreen =
      error instanceof JiraApiError &&
      error.kind === 'BAD_REQUEST' &&
      error.details.some((d) => d.startsWith(`${clausesFieldId}:`) && /appropriate screen/i.test(d));
    if (notOnScreen) throw new JiraApiError('BAD_REQUEST', FIELD_NOT_ON_SCREEN, error.status, [FIELD_NOT_ON_SCREEN]);
    throw error;
  }
}

/** A story with what knowledge-base rules look at. */
export interface StoryDetails extends StoryRecord {
  issueType: string;
  labels: string[];
  components: string[];
  /** The description as plain text (Jira answers it as an Atlassian document). */
  description: string;
}

/** The names in a list field (labels are strings, components objects with a name). */
export const issueNames = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap((v) =>
        typeof v === 'string'
          ? [v]
          : typeof (v as { name?: unknown })?.name === 'string'
            ? [(v as { name: string }).name]
            : [],
      )
    : [];

/** The text of an Atlassian document (or a plain string): its text nodes, blocks separated by new lines. */
export function documentText(value: unknown, depth = 0): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null || depth > 50) return '';
  const node = value as { type?: unknown; text?: unknown; content?: unknown };
  if (typeof node.text === 'string') return node.text;
  if (!Array.isArray(node.content)) return '';
  const inline = node.type === 'paragraph' || node.type === 'heading';
  return node.content.map((child) => documentText(child, depth + 1)).join(inline ? '' : '\n');
}

/** The story with its type, labels, components and description: one request, as the caller. */
export async function readStoryDetails(
  client: JiraClient,
  issueIdOrKey: string,
  clausesFieldId: string,
): Promise<StoryDetails> {
  const fields = `summary,project,issuetype,labels,components,description,${clausesFieldId}`;
  const issue = await client.get(
    route`/rest/api/3/issue/${issueIdOrKey}?fields=${fields}&properties=${'without.task'}`.value,
    IssueRecord,
  );
  const type = issue.fields.issuetype as { name?: unknown } | undefined;
  return {
    ...storyRecord(issue, clausesFieldId),
    issueType: typeof type?.name === 'string' ? type.name : '',
    labels: issueNames(issue.fields.labels),
    components: issueNames(issue.fields.components),
    description: documentText(issue.fields.description).slice(0, 32_768),
  };
}
