import type { AuditView, SeenValueFix } from '../../contract';
import { recordedMitigation, restoredTaskProperty, shownValue } from '../../domain/audit/value-fixes';
import { AppError } from '../../domain/common/app-error';
import { writeTaskProperty } from '../../jira/audit/issue-value-fixes';
import { threatModelOf } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';
import type { AuditQueue } from './audit-queue';
import { fixIssueThenAudit, requireSeen } from './fix-issue-then-audit';

/**
 * The fix for a task whose property is unreadable or names deleted threats: write it again
 * from the threat model, which records this issue as the mitigation's task (the authority; the
 * issue's own value is input). Only over the value the person was shown.
 */
export const restoreTaskProperty = (
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
    refusal: `You can’t edit ${fix.issueKey}, so you can’t set its task property.`,
    apply: async (issue) => {
      const mitigation = recordedMitigation((await threatModelOf(jira, projectKey)).model, issue.id);
      if (!mitigation)
        throw new AppError(
          'BAD_REQUEST',
          `The threat model records ${issue.key} as no mitigation’s task, so the app cannot say what its property should be.`,
        );
      requireSeen(shownValue(issue.taskValue).fingerprint, fix.fingerprint, `${issue.key}’s task property`);
      await writeTaskProperty(jira.user, issue.id, restoredTaskProperty(mitigation, projectKey));
    },
  });
