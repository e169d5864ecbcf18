import type { AuditView, ClauseThreatLink } from '../../contract';
import { fixClauseWithoutThreat } from '../../domain/audit/clause-threat-fix';
import type { JiraClients } from '../common/jira-clients';
import type { AuditQueue } from './audit-queue';
import { fixStoryThenAudit } from './fix-story-then-audit';

/** The fix for "clause linked to no threat": link one, as the person, then audit again. */
export const linkClauseThreat = (
  jira: JiraClients,
  queue: AuditQueue,
  projectKey: string,
  accountId: string,
  link: ClauseThreatLink,
): Promise<AuditView> =>
  fixStoryThenAudit(jira, queue, projectKey, accountId, {
    issueKey: link.issueKey,
    change: (before) => fixClauseWithoutThreat(before, link),
    view: link.view,
  });
