import type { StoryLinks } from '../../domain/interchange/export-source';
import { readStoryClauses } from '../../domain/story/story-clauses';
import type { JiraClient } from '../client/jira-client';
import { jqlString } from '../client/jql';
import { searchIssues } from '../client/search-issues';
import { clausesField } from '../story/clauses-field';

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
  return issues.map((issue) => {
    const { clauses, directThreatIds } = readStoryClauses(issue.fields[field.id]);
    return { key: issue.key, clauses: clauses.map((c) => ({ text: c.text, threatIds: c.threatIds })), directThreatIds };
  });
}
