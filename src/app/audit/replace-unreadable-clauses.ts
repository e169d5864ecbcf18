import type { AuditView, SeenValueFix } from '../../contract';
import { shownValue } from '../../domain/audit/value-fixes';
import { AppError } from '../../domain/common/app-error';
import type { JiraClients } from '../common/jira-clients';
import type { AuditQueue } from './audit-queue';
import { requireSeen } from './fix-issue-then-audit';
import { fixStoryThenAudit } from './fix-story-then-audit';

/**
 * The fix for a story whose clauses value cannot be read: the person, shown the raw value
 * (which Jira's history of the issue keeps), chooses to replace it with no clauses, through
 * the story save path. Only that value: one that changed or became readable since is kept.
 */
export const replaceUnreadableClauses = (
  jira: JiraClients,
  queue: AuditQueue,
  projectKey: string,
  accountId: string,
  fix: SeenValueFix,
): Promise<AuditView> =>
  fixStoryThenAudit(jira, queue, projectKey, accountId, {
    issueKey: fix.issueKey,
    view: fix.view,
    options: { replaceUnreadable: true },
    change: (before, story) => {
      if (before.problems.length === 0)
        throw new AppError('CONFLICT', `${story.key}’s WITHOUT clauses can be read now: nothing was replaced.`);
      requireSeen(shownValue(story.clausesValue).fingerprint, fix.fingerprint, `${story.key}’s WITHOUT clauses value`);
      return { clauses: [], directThreatIds: [] };
    },
  });
