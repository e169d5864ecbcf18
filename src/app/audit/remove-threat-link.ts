import type { AuditView, ThreatLinkRemoval } from '../../contract';
import { AppError } from '../../domain/common/app-error';
import { removeThreatLink } from '../../domain/audit/clause-threat-fix';
import { requireIssueOfProject } from '../../domain/common/issue-key';
import type { JiraClients } from '../common/jira-clients';
import { updateStoryClauses } from '../story/update-story-clauses';
import type { AuditQueue } from './audit-queue';
import { queueAuditRun } from './queue-audit-run';
import { readAuditView } from './read-audit-view';

/**
 * The fix for a link to a retired or unknown threat: remove that threat id from the story's
 * clauses and direct links, as the person (the story save path checks they may edit it and saves
 * on the revision it read), then audit again.
 */
export async function removeStoryThreatLink(
  jira: JiraClients,
  queue: AuditQueue,
  projectKey: string,
  accountId: string,
  removal: ThreatLinkRemoval,
): Promise<AuditView> {
  requireIssueOfProject(removal.issueKey, projectKey);
  const saved = await updateStoryClauses(jira, removal.issueKey, accountId, (before) => {
    const { clauses, directThreatIds } = removeThreatLink(before, removal);
    return { clauses, directThreatIds };
  });
  // As for linking: only the project Jira says the story is in is audited again (link-clause-threat.ts).
  if (saved.story.projectKey !== projectKey)
    throw new AppError(
      'BAD_REQUEST',
      `${removal.issueKey} is now ${saved.story.key} in ${saved.story.projectKey}, not in ${projectKey}: the link was removed, and ${projectKey} was not audited again.`,
    );
  await queueAuditRun(jira.app, queue, projectKey, accountId, [saved.story.id]);
  return readAuditView(jira, projectKey, accountId);
}
