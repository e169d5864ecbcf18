import { linkedThreatIds, readStoryClauses } from '../../domain/story/story-clauses';
import type { JiraClient } from '../../jira/client/jira-client';
import { jqlString } from '../../jira/client/jql';
import { searchIssues } from '../../jira/client/search-issues';
import { appFieldName, CLAUSES_FIELD_KEY, findAppFieldId } from '../../jira/story/clauses-field';

/** The JQL that finds the stories of a project linking a threat, through the field's alias. */
export const storiesJqlOf = (projectKey: string, fieldName: string, threatId: string): string =>
  `project = ${jqlString(projectKey)} AND ${jqlString(fieldName)}.threat = ${jqlString(threatId)}`;

/**
 * How many stories link each threat asked about, as the person: one search for the stories that
 * link any of them (the field's JQL alias), so a page of threats costs the pages of its own
 * stories, not of every story of the project. `'all'` counts for every threat, by searching every
 * story with clauses: only when a person sorts the threats by their stories.
 */
export async function storyCounts(
  user: JiraClient,
  projectKey: string,
  threatIds: string[] | 'all',
): Promise<Map<string, number>> {
  const [fieldId, fieldName] = await Promise.all([
    findAppFieldId(user, CLAUSES_FIELD_KEY),
    appFieldName(user, CLAUSES_FIELD_KEY),
  ]);
  const which =
    threatIds === 'all'
      ? `${jqlString(fieldName)} IS NOT EMPTY`
      : `${jqlString(fieldName)}.threat IN (${threatIds.map(jqlString).join(', ')})`;
  const stories = await searchIssues(user, {
    jql: `project = ${jqlString(projectKey)} AND ${which}`,
    fields: [fieldId],
  });
  const asked = threatIds === 'all' ? undefined : new Set(threatIds);
  const counts = new Map<string, number>(asked ? [...asked].map((id) => [id, 0]) : []);
  for (const story of stories) {
    const { clauses, directThreatIds } = readStoryClauses(story.fields[fieldId]);
    for (const id of linkedThreatIds(clauses, directThreatIds))
      if (!asked || asked.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
