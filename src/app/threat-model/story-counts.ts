import { linkedThreatIds, readStoryClauses } from '../../domain/story/story-clauses';
import type { JiraClient } from '../../jira/client/jira-client';
import { jqlString } from '../../jira/client/jql';
import { searchIssues } from '../../jira/client/search-issues';
import { appFieldName, CLAUSES_FIELD_KEY, findAppFieldId } from '../../jira/story/clauses-field';

/** How many stories link each threat: one search over the project's stories with clauses, as the person. */
export async function storyCounts(
  user: JiraClient,
  projectKey: string,
): Promise<{ counts: Map<string, number>; fieldName: string }> {
  const fieldId = await findAppFieldId(user, CLAUSES_FIELD_KEY);
  const fieldName = await appFieldName(user, CLAUSES_FIELD_KEY);
  const stories = await searchIssues(user, {
    jql: `project = ${jqlString(projectKey)} AND ${jqlString(fieldName)} IS NOT EMPTY`,
    fields: [fieldId],
  });
  const counts = new Map<string, number>();
  for (const story of stories) {
    const { clauses, directThreatIds } = readStoryClauses(story.fields[fieldId]);
    for (const id of linkedThreatIds(clauses, directThreatIds)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return { counts, fieldName };
}
