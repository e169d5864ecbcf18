import type { AuditView, SeenValueFix } from '../../contract';
import { recordedMitigation, shownValue } from '../../domain/audit/value-fixes';
import { AppError } from '../../domain/common/app-error';
import { releaseTaskIssue } from '../../jira/audit/issue-value-fixes';
import { threatModelOf } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';
import type { AuditQueue } from './audit-queue';
import { fixIssueThenAudit, requireSeen } from './fix-issue-then-audit';

/**
 * The fix for an issue that is no mitigation's task the model knows (its mitigation deleted, its
 * property unreadable or written by hand): remove the app's label and property, so it is an
 * ordinary issue again. Never for a task the model records (its property is restored instead),
 * and only over the value the person was shown.
 */
export const releaseTask = (
  jira: JiraClients,
  queue: AuditQueue,
  projectKey: string,
  accountId: string,
  fix: SeenValueFix,
): Promise<AuditView> =>
  fixIssueThenAudit(jira, queue, projectKey, accountId, {
    issueKey: fix.issueKey,
    view: fix.view,
    permission: 'EDIT_ISSUES',
    refusal: `You can’t edit ${fix.issueKey}, so you can’t remove its task property.`,
    apply: async (issue) => {
      const mitigation = recordedMitigation((await threatModelOf(jira, projectKey)).model, issue.id);
      if (mitigation)
        throw new AppError(
          'BAD_REQUEST',
          `The threat model records ${issue.key} as ${mitigation.id}’s task: set its property again instead of removing it.`,
        );
      requireSeen(shownValue(issue.taskValue).fingerprint, fix.fingerprint, `${issue.key}’s task property`);
      await releaseTaskIssue(jira.user, issue.id);
    },
  });
