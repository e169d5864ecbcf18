import type { StoryLinks } from '../../domain/interchange/export-source';
import { readStoryClauses } from '../../domain/story/story-clauses';
import type { JiraClient } from '../client/jira-client';
import type { IssueRecord } from '../client/jira-schemas';
import { jqlString } from '../client/jql';
import { searchIssues } from '../client/search-issues';
import { clausesField } from '../story/clauses-field';

function storyLinksOf(issue: IssueRecord, fieldId: string): StoryLinks {
  const { clauses, directThreatIds } = readStoryClauses(issue.fields[fieldId]);
  return { key: issue.key, clauses: clauses.map((c) => ({ text: c.text, threatIds: c.threatIds })), directThreatIds };
}

/**
 * Every story of the project with WITHOUT clauses, with the threats each clause names: paged JQL
 * with the field in the answer (100 stories a request), as the person, so Jira decides what they
 * see. A value that does not parse counts as no clauses (readStoryClauses).
 */
export async function readStoryLinks(client: JiraClient, projectKey: string): Promise<StoryLinks[]> {
  const field = await clausesField(client);
  const issues = await searchIssues(client, {
    jql: `project = ${jqlString(projectKey)} AND ${jqlString(field.name)} IS NOT EMPTY ORDER BY key ASC`,
    fields: [field.id],
  });
  return issues.map((issue) => storyLinksOf(issue, field.id));
}

/**
 * The stories of the project that link any of these threats (clauses or directly), through the
 * field's JQL alias, as the person, in key order like readStoryLinks: what a part of an export
 * names, so a part reads the stories of its own threats, not every story of the project.
 */
export async function readStoryLinksOf(
  client: JiraClient,
  projectKey: string,
  threatIds: string[],
): Promise<StoryLinks[]> {
  if (threatIds.length === 0) return [];
  const field = await clausesField(client);
  const issues = await searchIssues(client, {
    jql: `project = ${jqlString(projectKey)} AND ${jqlString(field.name)}.threat IN (${threatIds.map(jqlString).join(', ')}) ORDER BY key ASC`,
    fields: [field.id],
  });
  return issues.map((issue) => storyLinksOf(issue, field.id));
}
