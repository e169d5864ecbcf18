import type { AuditView, ClauseThreatLink } from '../../contract';
import { fixClauseWithoutThreat } from '../../domain/audit/clause-threat-fix';
import { requireIssueOfProject } from '../../domain/common/issue-key';
import type { JiraClients } from '../common/jira-clients';
import { updateStoryClauses } from '../story/update-story-clauses';
import type { AuditQueue } from './audit-queue';
import { queueAuditRun } from './queue-audit-run';
import { readAuditView } from './read-audit-view';

/** The fix for "clause linked to no threat": link one, as the person, then audit again. */
export async function linkClauseThreat(
  jira: JiraClients,
  queue: AuditQueue,
  projectKey: string,
  accountId: string,
  link: ClauseThreatLink,
): Promise<AuditView> {
  requireIssueOfProject(link.issueKey, projectKey);
  const saved = await updateStoryClauses(jira, link.issueKey, accountId, (before) =>
    fixClauseWithoutThreat(before, link),
  );
  // Editing the story (checked by updateStoryClauses) implies seeing the project. The run's
  // search must see the clause as just saved (search lags writes), hence its id.
  await queueAuditRun(jira.app, queue, projectKey, accountId, [saved.story.id]);
  return readAuditView(jira, projectKey, accountId);
}
