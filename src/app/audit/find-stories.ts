import type { StoryMatch } from '../../contract';
import { isCountedType } from '../../domain/audit/story-coverage-settings';
import { projectWorkflow } from '../../jira/client/permissions';
import { clausesField } from '../../jira/story/clauses-field';
import { searchProjectStories } from '../../jira/story/story-search';
import { countedTypesClause } from '../../jira/story/story-scope';
import { threatModelOf } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';
import { requireAuditor } from './require-auditor';

/**
 * The project's stories matching what the person typed, for the fix that links a threat to a
 * story: searched as the person, so they are offered only what they may see. "Stories" are the
 * issues of the types the audit counts (the project's coverage settings), any issue when the
 * project has none of those types, and never a mitigation task (whose clauses the audit does not
 * read), whether found by words or by key.
 */
export async function findStories(
  jira: JiraClients,
  projectKey: string,
  typed: string,
): Promise<{ stories: StoryMatch[] }> {
  // What the search needs is read while the check is (one round trip); the check's refusal comes first.
  const reads = Promise.all([
    clausesField(jira.user),
    threatModelOf(jira, projectKey),
    projectWorkflow(jira.user, projectKey),
  ]);
  reads.catch(() => undefined);
  await requireAuditor(jira, projectKey);
  const [field, stored, workflow] = await reads;
  const coverage = stored.model.settings.storyCoverage;
  const jql = countedTypesClause(coverage, workflow.issueTypes);
  const types = jql === undefined ? undefined : { jql, isStoryType: (name: string) => isCountedType(name, coverage) };
  return { stories: await searchProjectStories(jira.user, projectKey, field, typed, types) };
}
