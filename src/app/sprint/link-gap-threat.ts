import type { SprintClauseLink, SprintPlanView } from '../../contract';
import { fixClauseWithoutThreat } from '../../domain/audit/clause-threat-fix';
import { AppError } from '../../domain/common/app-error';
import { requireIssueOfProject } from '../../domain/common/issue-key';
import type { JiraClients } from '../common/jira-clients';
import { updateStoryClauses } from '../story/update-story-clauses';
import { sprintPlanView } from './sprint-plan-view';
import { windowOf } from './sprint-window-of';

/**
 * The fix of a sprint's "clause linked to no threat" gap: the audit's change of the story
 * (fixClauseWithoutThreat), saved the same way, as the person (updateStoryClauses checks they may
 * edit the story before it takes the story's lock, that the threat is active, and writes on the
 * revision it read), then the plan of the page they are on. No audit run is queued: planning a
 * sprint should not start a project-wide job; the Audit tab says when it last ran.
 */
export async function linkGapThreat(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  { sprintId, issueKey, clauseId, threatId, storyOffset, pullInLimit }: SprintClauseLink,
): Promise<SprintPlanView> {
  requireIssueOfProject(issueKey, projectKey);
  const saved = await updateStoryClauses(
    jira,
    issueKey,
    accountId,
    (before, story) => {
      // The key's prefix is not proof: Jira still opens a moved issue by its old key, and the
      // threat's id would then name a threat of another project's model.
      if (story.projectKey !== projectKey)
        throw new AppError(
          'CONFLICT',
          `${issueKey} is now ${story.key} in ${story.projectKey}, not in ${projectKey}, so nothing was changed. Reload the plan.`,
        );
      return fixClauseWithoutThreat(before, { issueKey, clauseId, threatId });
    },
    // The project's model is read beside the story, and the plan after the save shows that read.
    { projectHint: projectKey },
  );
  // Search lags writes: the plan's search names the story just saved, so it shows its new link.
  return sprintPlanView(jira, projectKey, accountId, sprintId, windowOf({ storyOffset, pullInLimit }), [
    saved.story.id,
  ]);
}
