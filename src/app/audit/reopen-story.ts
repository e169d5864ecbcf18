import type { AuditView, StoryReopening } from '../../contract';
import { reopeningTransition } from '../../domain/audit/value-fixes';
import { AppError } from '../../domain/common/app-error';
import { readTransitions, transitionIssue } from '../../jira/audit/issue-value-fixes';
import type { JiraClients } from '../common/jira-clients';
import type { AuditQueue } from './audit-queue';
import { fixIssueThenAudit } from './fix-issue-then-audit';

/**
 * The fix for a story done while its mitigations are not: move it back to a status not done
 * (To Do when the workflow offers it), through a transition Jira offers the person.
 */
export const reopenStory = (
  jira: JiraClients,
  queue: AuditQueue,
  projectKey: string,
  accountId: string,
  reopening: StoryReopening,
): Promise<AuditView> =>
  fixIssueThenAudit(jira, queue, projectKey, accountId, {
    issueKey: reopening.issueKey,
    view: reopening.view,
    permission: 'TRANSITION_ISSUES',
    refusal: `You can’t transition ${reopening.issueKey}, so you can’t reopen it.`,
    apply: async (issue) => {
      if (issue.categoryKey !== 'done')
        throw new AppError('CONFLICT', `${issue.key} is not done any more: someone reopened it already.`);
      const transition = reopeningTransition(await readTransitions(jira.user, issue.id));
      if (!transition)
        throw new AppError(
          'BAD_REQUEST',
          `Jira offers you no transition that reopens ${issue.key}: open it and move it in Jira.`,
        );
      await transitionIssue(jira.user, issue.id, transition.id);
    },
  });
