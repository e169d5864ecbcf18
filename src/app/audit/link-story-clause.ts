import type { AuditView, StoryClauseLink } from '../../contract';
import { linkThreatThroughClause } from '../../domain/audit/clause-threat-fix';
import { AppError } from '../../domain/common/app-error';
import type { JiraClients } from '../common/jira-clients';
import type { AuditQueue } from './audit-queue';
import { fixStoryThenAudit } from './fix-story-then-audit';

/**
 * The fixes for "threat linked to no story" and "story threat not covered by a clause": link the
 * threat to a clause of the story (one it has, or a new one), as the person, then audit again.
 * A mitigation task is no story: the audit never reads its clauses, so a link there would leave
 * the finding in place while the person was told it was fixed. Refused before anything is written.
 */
export const linkStoryClause = (
  jira: JiraClients,
  queue: AuditQueue,
  projectKey: string,
  accountId: string,
  link: StoryClauseLink,
): Promise<AuditView> =>
  fixStoryThenAudit(jira, queue, projectKey, accountId, {
    issueKey: link.issueKey,
    view: link.view,
    change: (before, story) => {
      if (story.taskValue !== undefined && story.taskValue !== null)
        throw new AppError(
          'BAD_REQUEST',
          `${story.key} is a mitigation task, not a story: link ${link.threatId} to a story instead. Nothing was changed.`,
        );
      return linkThreatThroughClause(before, link);
    },
  });
