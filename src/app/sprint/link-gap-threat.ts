import type { SprintClauseLink, SprintPlanView } from '../../contract';
import { fixClauseWithoutThreat } from '../../domain/audit/clause-threat-fix';
import type { JiraClients } from '../common/jira-clients';
import { updateProjectStory } from '../story/update-project-story';
import { sprintPlanView } from './sprint-plan-view';
import { windowOf } from './sprint-window-of';

/**
 * The fix of a sprint's "clause linked to no threat" gap: the audit's change of the story
 * (fixClauseWithoutThreat), saved the same way (updateProjectStory: as the person, only while the
 * story is in this project, only if they may edit it, only to an active threat), then the plan of
 * the page they are on. No audit run is queued: planning a sprint should not start a project-wide
 * job; the Audit tab says when it last ran.
 */
export async function linkGapThreat(
  jira: JiraClients,
  projectKey: string,
  accountId: string,
  { sprintId, issueKey, clauseId, threatId, storyOffset, pullInLimit }: SprintClauseLink,
): Promise<SprintPlanView> {
  const saved = await updateProjectStory(
    jira,
    projectKey,
    issueKey,
    accountId,
    (before) => fixClauseWithoutThreat(before, { issueKey, clauseId, threatId }),
    'Reload the plan.',
    // The project's model is read beside the story, and the plan after the save shows that read.
    { projectHint: projectKey },
  );
  // Search lags writes: the plan's search names the story just saved, so it shows its new link.
  return sprintPlanView(jira, projectKey, accountId, sprintId, windowOf({ storyOffset, pullInLimit }), [
    saved.story.id,
  ]);
}
