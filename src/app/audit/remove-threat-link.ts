import type { AuditView, ThreatLinkRemoval } from '../../contract';
import { removeThreatLink } from '../../domain/audit/clause-threat-fix';
import type { JiraClients } from '../common/jira-clients';
import type { AuditQueue } from './audit-queue';
import { fixStoryThenAudit } from './fix-story-then-audit';

/**
 * The fix for a link to a retired or unknown threat: remove that threat id from the story's
 * clauses and direct links, as the person, then audit again.
 */
export const removeStoryThreatLink = (
  jira: JiraClients,
  queue: AuditQueue,
  projectKey: string,
  accountId: string,
  removal: ThreatLinkRemoval,
): Promise<AuditView> =>
  fixStoryThenAudit(jira, queue, projectKey, accountId, {
    issueKey: removal.issueKey,
    view: removal.view,
    change: (before) => {
      const { clauses, directThreatIds } = removeThreatLink(before, removal);
      return { clauses, directThreatIds };
    },
  });
