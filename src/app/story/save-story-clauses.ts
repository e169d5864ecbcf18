import type { ClausesEdit, StoryView } from '../../contract';
import { checkClausesRevision } from '../../domain/story/clauses-revision';
import type { JiraClients } from '../common/jira-clients';
import { startStoryViewReads, storyViewOf } from './story-view';
import { updateStoryClauses } from './update-story-clauses';

/**
 * The story panel's save: the person's clauses, if nobody saved since they started; answers the
 * new view from what the save read (the view's other reads run while the save writes).
 */
export async function saveStoryClauses(
  jira: JiraClients,
  issueId: string,
  accountId: string,
  edit: ClausesEdit,
  projectHint?: string,
): Promise<StoryView> {
  const saved = await updateStoryClauses(
    jira,
    issueId,
    accountId,
    (before) => {
      checkClausesRevision(before.revision, edit.baseRevision);
      return edit;
    },
    {
      replaceUnreadable: edit.replaceUnreadable === true,
      baseRevision: edit.baseRevision,
      ...(projectHint ? { projectHint } : {}),
      whileWriting: (story, stored, next) => startStoryViewReads(jira, story, stored, accountId, next),
    },
  );
  return storyViewOf(jira, issueId, accountId, saved);
}
