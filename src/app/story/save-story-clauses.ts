import type { ClausesEdit, StoryView } from '../../contract';
import { checkClausesRevision } from '../../domain/story/clauses-revision';
import type { JiraClients } from '../common/jira-clients';
import { storyViewOf } from './story-view';
import { updateStoryClauses } from './update-story-clauses';

/** The story panel's save: the person's clauses, if nobody saved since they started; answers the new view. */
export async function saveStoryClauses(
  jira: JiraClients,
  issueId: string,
  accountId: string,
  edit: ClausesEdit,
): Promise<StoryView> {
  const written = await updateStoryClauses(
    jira.user,
    issueId,
    accountId,
    (before) => {
      checkClausesRevision(before.revision, edit.baseRevision);
      return edit;
    },
    { replaceUnreadable: edit.replaceUnreadable === true },
  );
  return storyViewOf(jira, issueId, accountId, written);
}
