import type { AuditView } from '../../contract';
import type { FindingsQuery } from '../../domain/audit/finding-page';
import { AppError } from '../../domain/common/app-error';
import { requireIssueOfProject } from '../../domain/common/issue-key';
import type { JiraClients } from '../common/jira-clients';
import { updateStoryClauses, type ClausesChange, type UpdateOptions } from '../story/update-story-clauses';
import type { AuditQueue } from './audit-queue';
import { queueAuditRun } from './queue-audit-run';
import { readAuditView } from './read-audit-view';

export interface StoryFix {
  issueKey: string;
  /** The change to the story's clauses and direct links (a function of the domain). */
  change: ClausesChange;
  /** Only `replaceUnreadable`, for the fix whose person saw the unreadable value and chose to replace it. */
  options?: Pick<UpdateOptions, 'replaceUnreadable'>;
  /** The page of findings the person is on: the answer shows it. */
  view?: FindingsQuery | undefined;
}

/**
 * An audit fix that changes a story: saved as the person (the story save path checks they may
 * edit it, that linked threats are active, and saves on the revision it read), then the project is
 * audited again.
 */
export async function fixStoryThenAudit(
  jira: JiraClients,
  queue: AuditQueue,
  projectKey: string,
  accountId: string,
  fix: StoryFix,
): Promise<AuditView> {
  requireIssueOfProject(fix.issueKey, projectKey);
  const saved = await updateStoryClauses(
    jira,
    fix.issueKey,
    accountId,
    (before, story) => {
      // The key's prefix is not proof: Jira still opens a moved issue by its old key. Checked on
      // the story read under its lease, before anything is written: a fix offered for one
      // project never changes a story of another.
      if (story.projectKey !== projectKey)
        throw new AppError(
          'CONFLICT',
          `${fix.issueKey} is now ${story.key} in ${story.projectKey}, not in ${projectKey}, so nothing was changed. Run the audit again.`,
        );
      return fix.change(before, story);
    },
    fix.options,
  );
  // The audit runs as the app, for the project the story is in (checked above; editing the story,
  // checked by updateStoryClauses, implies seeing that project). The run's search must see the
  // story as just saved (search lags writes), hence its id.
  await queueAuditRun(jira.app, queue, projectKey, accountId, [saved.story.id]);
  return readAuditView(jira, projectKey, accountId, fix.view);
}
