import type { AuditView } from '../../contract';
import type { FindingsQuery } from '../../domain/audit/finding-page';
import type { JiraClients } from '../common/jira-clients';
import { updateProjectStory } from '../story/update-project-story';
import type { ClausesChange, UpdateOptions } from '../story/update-story-clauses';
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
 * An audit fix that changes a story: saved as the person, only while the story is in this project
 * (updateProjectStory; the story save path checks they may edit it, that new links are to active
 * threats, and saves on the revision it read), then the project is audited again.
 */
export async function fixStoryThenAudit(
  jira: JiraClients,
  queue: AuditQueue,
  projectKey: string,
  accountId: string,
  fix: StoryFix,
): Promise<AuditView> {
  const saved = await updateProjectStory(
    jira,
    projectKey,
    fix.issueKey,
    accountId,
    fix.change,
    'Run the audit again.',
    fix.options,
  );
  // The audit runs as the app, for the project the story is in (checked above; editing the story,
  // checked by updateStoryClauses, implies seeing that project). The run's search must see the
  // story as just saved (search lags writes), hence its id.
  await queueAuditRun(jira.app, queue, projectKey, accountId, [saved.story.id]);
  return readAuditView(jira, projectKey, accountId, fix.view);
}
