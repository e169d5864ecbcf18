import { readStoryClauses } from '../../domain/story/story-clauses';
import type { JiraClient } from '../client/jira-client';
import { jqlString } from '../client/jql';
import { readIssuesById, searchIssues } from '../client/search-issues';
import type { IssueRecord } from '../client/jira-schemas';
import { TASK_LABEL, TASK_PROPERTY } from '../mitigation/mitigation-task-repository';
import { inProject } from './story-scope';

/** A story as a picker lists it: key, summary, and its clauses (those the app can read). */
export interface FoundStory {
  key: string;
  summary: string;
  clauses: Array<{ id: string; text: string }>;
}

/** At most this many stories answer one search: a picker shows a short list, the person types more. */
export const STORY_SEARCH_LIMIT = 20;

const ISSUE_KEY = /^([A-Z][A-Z0-9_]*)-([1-9][0-9]*)$/i;

/**
 * The words of what the person typed, as a JQL text query: letters and digits only (Lucene reads
 * `+ - & | ! ( ) { } [ ] ^ " ~ * ? \ :` and the words AND, OR, NOT as operators, so a title with
 * them must not become a query that fails or means something else), the last word as a prefix.
 * https://support.atlassian.com/jira-software-cloud/docs/search-for-work-items-using-the-text-field/
 */
export function summaryQuery(typed: string): string | undefined {
  const words = (typed.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !/^(AND|OR|NOT)$/.test(w)).slice(0, 10);
  if (words.length === 0) return undefined;
  return `${words.join(' ')}*`;
}

/** The key of the project's issue the person typed (PAY-12, pay-12, or only 12), if they typed one. */
export function typedKey(projectKey: string, typed: string): string | undefined {
  const text = typed.trim();
  const key = ISSUE_KEY.exec(text);
  if (key) return key[1]!.toUpperCase() === projectKey ? `${projectKey}-${key[2]}` : undefined;
  return /^[1-9][0-9]{0,8}$/.test(text) ? `${projectKey}-${text}` : undefined;
}

/**
 * What counts as a story here: the counted types' JQL (see story-scope.ts) and the same test for
 * an issue read by key. Undefined when the project has none of the counted types: any issue then.
 */
export interface StoryTypes {
  jql: string;
  isStoryType: (issueTypeName: string) => boolean;
}

// A mitigation task is no story, whatever its type: the audit never reads a task's clauses, so a
// threat linked there would stay "linked to no story". A task is what carries the app's property
// or its label, as the audit's task search says.
const NOT_A_TASK = `issue.property[${TASK_PROPERTY}].mitigationId IS EMPTY AND (labels IS EMPTY OR labels NOT IN (${jqlString(TASK_LABEL)}))`;

/**
 * The JQL that finds the project's stories whose summary has the words typed (all of them, when
 * nothing usable was typed), newest first, leaving out mitigation tasks; `storyTypes` (the
 * counted types' clause) narrows it to stories when the project has them.
 */
export function storySearchJql(projectKey: string, typed: string, storyTypes: string | undefined): string {
  const words = summaryQuery(typed);
  return `${inProject(projectKey, storyTypes, NOT_A_TASK, words ? `summary ~ ${jqlString(words)}` : undefined)} ORDER BY key DESC`;
}

const storyOf =
  (field: { id: string }) =>
  (issue: IssueRecord): FoundStory => ({
    key: issue.key,
    summary: typeof issue.fields.summary === 'string' ? issue.fields.summary : '',
    clauses: readStoryClauses(issue.fields[field.id]).clauses.map((c) => ({ id: c.id, text: c.text })),
  });

/**
 * What the search's JQL asks, checked on each issue: the key path reads an issue directly, past
 * every JQL clause, and whatever a search turned out to mean (or a moved issue's old key), only
 * the project's stories are offered.
 */
const isProjectStory =
  (projectKey: string, storyTypes: StoryTypes | undefined) =>
  (issue: IssueRecord): boolean => {
    const { project, issuetype, labels } = issue.fields as {
      project?: { key?: unknown };
      issuetype?: { name?: unknown };
      labels?: unknown;
    };
    if (project?.key !== projectKey) return false;
    if (issue.properties[TASK_PROPERTY] !== undefined) return false;
    if (Array.isArray(labels) && labels.includes(TASK_LABEL)) return false;
    return !storyTypes || (typeof issuetype?.name === 'string' && storyTypes.isStoryType(issuetype.name));
  };

/**
 * Stories of the project matching what the person typed, as the person (Jira answers only what
 * they may browse), at most STORY_SEARCH_LIMIT, in one request: a key typed (PAY-12, or 12) is
 * read directly (bulkfetch leaves out an issue that does not exist, where `key = …` in JQL
 * fails), anything else searches the summaries. Mitigation tasks, and issues of other types
 * than the counted ones, are no stories on either path.
 */
export async function searchProjectStories(
  user: JiraClient,
  projectKey: string,
  field: { id: string },
  typed: string,
  storyTypes: StoryTypes | undefined,
): Promise<FoundStory[]> {
  const key = typedKey(projectKey, typed);
  const fields = ['summary', 'project', 'issuetype', 'labels', field.id];
  const properties = [TASK_PROPERTY];
  const isStory = isProjectStory(projectKey, storyTypes);
  const found = key
    ? await readIssuesById(user, [key], { fields, properties })
    : await searchIssues(user, {
        jql: storySearchJql(projectKey, typed, storyTypes?.jql),
        fields,
        properties,
        pageSize: STORY_SEARCH_LIMIT,
        limit: STORY_SEARCH_LIMIT,
        keep: isStory,
      });
  return found.filter(isStory).map(storyOf(field));
}
