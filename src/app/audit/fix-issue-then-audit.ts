import type { AuditView } from '../../contract';
import type { FindingsQuery } from '../../domain/audit/finding-page';
import { AppError } from '../../domain/common/app-error';
import { requireIssueOfProject } from '../../domain/common/issue-key';
import { readIssueForFix, type IssueForFix } from '../../jira/audit/issue-value-fixes';
import { issuePermissions } from '../../jira/client/permissions';
import type { JiraClients } from '../common/jira-clients';
import type { AuditQueue } from './audit-queue';
import { queueAuditRun } from './queue-audit-run';
import { readAuditView } from './read-audit-view';

export interface IssueFix {
  issueKey: string;
  /** The Jira permission the write needs: asked first, for a clear refusal (Jira checks it again). */
  permission: 'EDIT_ISSUES' | 'TRANSITION_ISSUES';
  /** Why the person may not, in the words the row shows. */
  refusal: string;
  /** The write, as the person, on the issue as read just now. */
  apply: (issue: IssueForFix) => Promise<void>;
  /** The page of findings the person is on: the answer shows it. */
  view?: FindingsQuery | undefined;
}

/**
 * An audit fix that changes one issue (not its clauses: see fixStoryThenAudit) as the person,
 * then audits the project again with the issue reconciled, so the run sees it as just written.
 */
export async function fixIssueThenAudit(
  jira: JiraClients,
  queue: AuditQueue,
  projectKey: string,
  accountId: string,
  fix: IssueFix,
): Promise<AuditView> {
  requireIssueOfProject(fix.issueKey, projectKey);
  const [perms, issue] = await Promise.all([
    issuePermissions(jira.user, fix.issueKey, [fix.permission]),
    readIssueForFix(jira.user, fix.issueKey),
  ]);
  if (!perms[fix.permission]) throw new AppError('FORBIDDEN', fix.refusal);
  // A moved issue still opens by its old key: the audit runs as the app, so only for the
  // project Jira says the issue is in (and the person, who may edit it, sees).
  if (issue.projectKey !== projectKey)
    throw new AppError('BAD_REQUEST', `${fix.issueKey} is now in ${issue.projectKey}, not in ${projectKey}.`);
  await fix.apply(issue);
  await queueAuditRun(jira.app, queue, projectKey, accountId, [issue.id]);
  return readAuditView(jira, projectKey, accountId, fix.view);
}

/** The value the person was shown must be the one there now: else refused, never overwritten. */
export function requireSeen(now: string, seen: string, what: string): void {
  if (now !== seen)
    throw new AppError('CONFLICT', `${what} changed since it was shown to you: look at it again before you change it.`);
}
