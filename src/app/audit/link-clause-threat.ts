import type { AuditView, ClauseThreatLink } from '../../contract';
import { AppError } from '../../domain/common/app-error';
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
  // The key's prefix is not proof: Jira still opens a moved issue by its old key. The audit runs
  // as the app, so it is queued only for the project Jira says the story is in; editing that
  // story (checked by updateStoryClauses) implies seeing that project. The run's search must see
  // the clause as just saved (search lags writes), hence its id.
  if (saved.story.projectKey !== projectKey)
    throw new AppError(
      'BAD_REQUEST',
      `${link.issueKey} is now ${saved.story.key} in ${saved.story.projectKey}, not in ${projectKey}: its clause was linked, and ${projectKey} was not audited again.`,
    );
  await queueAuditRun(jira.app, queue, projectKey, accountId, [saved.story.id]);
  return readAuditView(jira, projectKey, accountId);
}
