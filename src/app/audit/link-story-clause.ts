import type { AuditView, StoryClauseLink } from '../../contract';
import { AppError } from '../../domain/common/app-error';
import { linkThreatThroughClause } from '../../domain/audit/clause-threat-fix';
import { requireIssueOfProject } from '../../domain/common/issue-key';
import type { JiraClients } from '../common/jira-clients';
import { updateStoryClauses } from '../story/update-story-clauses';
import type { AuditQueue } from './audit-queue';
import { queueAuditRun } from './queue-audit-run';
import { readAuditView } from './read-audit-view';

/**
 * The fixes for "threat linked to no story" and "story threat not covered by a clause": link the
 * threat to a clause of the story (one it has, or a new one), as the person. The story save path
 * checks they may edit the story, that the threat is active, and saves on the revision it read;
 * then the project is audited again (as for linking a clause: link-clause-threat.ts).
 */
export async function linkStoryClause(
  jira: JiraClients,
  queue: AuditQueue,
  projectKey: string,
  accountId: string,
  link: StoryClauseLink,
): Promise<AuditView> {
  requireIssueOfProject(link.issueKey, projectKey);
  const saved = await updateStoryClauses(jira, link.issueKey, accountId, (before) =>
    linkThreatThroughClause(before, link),
  );
  if (saved.story.projectKey !== projectKey)
    throw new AppError(
      'BAD_REQUEST',
      `${link.issueKey} is now ${saved.story.key} in ${saved.story.projectKey}, not in ${projectKey}: ${link.threatId} was linked to it, and ${projectKey} was not audited again.`,
    );
  await queueAuditRun(jira.app, queue, projectKey, accountId, [saved.story.id]);
  return readAuditView(jira, projectKey, accountId);
}
