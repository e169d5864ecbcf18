import { AppError } from '../../domain/common/app-error';
import { mitigationViewPartlyLive } from '../../domain/mitigation/mitigation-view';
import { recordedTaskIds } from '../../domain/mitigation/task-evidence';
import type { SprintPlanInput, TaskSprint } from '../../domain/sprint/sprint-plan';
import type { JiraClient } from '../../jira/client/jira-client';
import { JiraApiError } from '../../jira/client/jira-errors';
import { projectPermissions } from '../../jira/client/permissions';
import { readSprint, sprintStories, tasksInOtherOpenSprints } from '../../jira/sprint/sprint-repository';
import { clausesField, sprintFieldId } from '../../jira/story/clauses-field';
import { readThreatModel, type StoredThreatModel } from '../../jira/threat-model/threat-model-repository';
import { withModelingNeeds } from './sprint-story-needs';

/**
 * Jira answers a search for a sprint that does not exist with 400 and a read of it with 404; both
 * mean the plan cannot be read, which the person should be told in those words.
 */
async function sprintMissing(user: JiraClient, sprintId: number, error: unknown): Promise<never> {
  if (error instanceof JiraApiError && (error.kind === 'BAD_REQUEST' || error.kind === 'NOT_FOUND')) {
    const exists = await readSprint(user, sprintId).then(
      () => true,
      (read: unknown) => !(read instanceof JiraApiError && read.kind === 'NOT_FOUND'),
    );
    if (!exists)
      throw new AppError(
        'NOT_FOUND',
        `Sprint ${sprintId} does not exist or you cannot see it, so its plan cannot be read. Pick another sprint.`,
      );
  }
  throw error;
}

/** What the plan's actions depend on: scheduling, editing stories, creating tasks, administering. */
const PLAN_PERMISSIONS = ['SCHEDULE_ISSUES', 'EDIT_ISSUES', 'CREATE_ISSUES', 'LINK_ISSUES', 'ADMINISTER_PROJECTS'];

/**
 * What the sprint's security plan is computed from, in ceil(N/100) + 4 requests whatever the size of the model and
 * the number of tasks: the sprint's issues (stories with clauses and Sprint field, which also
 * names the sprint, and the sprint's own tasks with live status), the model (one GET), the ids
 * of tasks in other open sprints (one id-only search), and the permissions; with a story scope
 * JQL one more id-only search, and with uploaded knowledge bases their two reads. Tasks elsewhere
 * show the model's stored status, which the status trigger keeps in step.
 */
export async function readSprintPlanInputs(
  user: JiraClient,
  projectKey: string,
  sprintId: number,
  /** Ids of issues just moved into the sprint: Jira's search may not show the move yet. */
  justMoved: string[] = [],
  /** The model as the call has read it already (a story's save), else read here. */
  model: Promise<StoredThreatModel> = readThreatModel(user, projectKey),
  /** The person's project permissions as the call has read them (its memo), else read here. */
  permissions: Promise<Record<string, boolean>> = projectPermissions(user, projectKey, PLAN_PERMISSIONS),
) {
  const field = await clausesField(user);
  const sprintField = await sprintFieldId(user);
  const [issues, stored, elsewhere, perms] = await Promise.all([
    sprintStories(user, projectKey, sprintId, { clauses: field.id, sprint: sprintField }, justMoved),
    model,
    tasksInOtherOpenSprints(user, projectKey, sprintId),
    permissions,
  ]).catch((error: unknown) => sprintMissing(user, sprintId, error));
  const sprint =
    issues.sprint ?? (await readSprint(user, sprintId).catch((error: unknown) => sprintMissing(user, sprintId, error)));
  // Only the issues the model records are tasks; one with a hand-written property stays a story.
  const recorded = recordedTaskIds(stored.model);
  const tasks = issues.tasks.filter((t) => recorded.has(t.id));
  const needs = await withModelingNeeds(
    user,
    projectKey,
    sprintId,
    issues.stories.filter((s) => !recorded.has(s.issueId)),
    issues.ruleFields,
    stored.model,
  );
  const stories = needs.stories;
  const live = new Map(tasks.map((t) => [t.id, t]));
  const mitigations = stored.model.mitigations.map((m) =>
    mitigationViewPartlyLive(m, live, stored.model.settings.statusMapping),
  );
  const taskSprints = new Map<string, TaskSprint>([
    ...[...elsewhere].map((id): [string, TaskSprint] => [id, { sprintId: 'other-open' }]),
    ...tasks.map((t): [string, TaskSprint] => [t.id, { sprintId }]),
  ]);
  const input: SprintPlanInput = {
    sprintId,
    stories,
    threats: stored.model.threats,
    mitigations,
    taskSprints,
    risk: stored.model.settings.risk,
  };
  return {
    input,
    sprint,
    perms,
    settings: stored.model.settings,
    problems: [...stored.problems, ...needs.problems],
  };
}
