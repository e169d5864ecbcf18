import type { AuditView, StoryClauseLink } from '../../contract';
import { linkThreatThroughClause } from '../../domain/audit/clause-threat-fix';
import type { JiraClients } from '../common/jira-clients';
import type { AuditQueue } from './audit-queue';
import { fixStoryThenAudit } from './fix-story-then-audit';

/**
 * The fixes for "threat linked to no story" and "story threat not covered by a clause": link the
 * threat to a clause of the story (one it has, or a new one), as the person, then audit again.
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
    change: (before) => linkThreatThroughClause(before, link),
    done: `${link.threatId} was linked to it`,
  });
