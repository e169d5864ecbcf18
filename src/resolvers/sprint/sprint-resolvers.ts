import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { AppError } from '../../domain/common/app-error';
import type { SprintChoice, SprintPlanView } from '../../domain/resolver-contract';
import { mitigationViewPartlyLive } from '../../domain/mitigation/mitigation-view';
import { planSprint, type SprintPlanInput, type TaskSprint } from '../../domain/sprint/sprint-plan';
import { projectPermissions } from '../../jira/client/permissions';
import type { JiraClient } from '../../jira/client/jira-client';
import {
  moveToSprint,
  openSprints,
  readSprint,
  sprintStories,
  tasksInOtherOpenSprints,
} from '../../jira/sprint/sprint-repository';
import { readThreatModel } from '../../jira/threat-model/threat-model-repository';
import { JiraApiError } from '../../jira/client/jira-errors';
import { recordedTaskIds } from '../../domain/mitigation/task-evidence';
import { userClient } from '../../jira/client/clients';
import { projectKeyOf } from '../context-project';
import { defineResolver } from '../define-resolver';
import type { InvocationContext } from '../invocation-context';
import { createTaskOnce } from '../../app/mitigation/create-task-once';
import { clausesField, sprintFieldId } from '../../jira/story/clauses-field';

const SprintId = z.number().int().positive();

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

/** The sprint asked for: the payload's (project page picker) or the sprint action's own. */
function sprintIdOf(payloadId: number | undefined, context: InvocationContext): number {
  const fromContext = (context.extension as { sprint?: { id?: unknown } }).sprint?.id;
  const id = payloadId ?? (typeof fromContext === 'string' ? Number(fromContext) : fromContext);
  const parsed = SprintId.safeParse(id);
  if (!parsed.success) throw new AppError('BAD_REQUEST', 'Pick a sprint first.');
  return parsed.data;
}

/**
 * What the sprint's security plan is computed from, in ceil(N/100) + 4 requests whatever the size of the model and
 * the number of tasks: the sprint's issues (stories with clauses and Sprint field, which also
 * names the sprint, and the sprint's own tasks with live status), the model (one GET), the ids
 * of tasks in other open sprints (one id-only search), and the permissions. Tasks elsewhere
 * show the model's stored status, which the status trigger keeps in step.
 */
export async function readSprintPlanInputs(user: JiraClient, projectKey: string, sprintId: number) {
  const field = await clausesField(user);
  const sprintField = await sprintFieldId(user);
  const [issues, stored, elsewhere, perms] = await Promise.all([
    sprintStories(user, projectKey, sprintId, { clauses: field.id, sprint: sprintField }),
    readThreatModel(user, projectKey),
    tasksInOtherOpenSprints(user, projectKey, sprintId),
    projectPermissions(user, projectKey, ['SCHEDULE_ISSUES', 'EDIT_ISSUES', 'CREATE_ISSUES', 'LINK_ISSUES']),
  ]).catch((error: unknown) => sprintMissing(user, sprintId, error));
  const sprint =
    issues.sprint ?? (await readSprint(user, sprintId).catch((error: unknown) => sprintMissing(user, sprintId, error)));
  // Only the issues the model records are tasks; one with a hand-written property stays a story.
  const recorded = recordedTaskIds(stored.model);
  const tasks = issues.tasks.filter((t) => recorded.has(t.id));
  const stories = issues.stories.filter((s) => !recorded.has(s.issueId));
  const live = new Map(tasks.map((t) => [t.id, t]));
  const mitigations = stored.model.mitigations.map((m) =>
    mitigationViewPartlyLive(m, live, stored.model.settings.statusMapping),
  );
  const taskSprints = new Map<string, TaskSprint>([
    ...[...elsewhere].map((id): [string, TaskSprint] => [id, { sprintId: 'other-open' }]),
    ...tasks.map((t): [string, TaskSprint] => [t.id, { sprintId }]),
  ]);
  const input: SprintPlanInput = { sprintId, stories, threats: stored.model.threats, mitigations, taskSprints };
  return { input, sprint, perms, problems: stored.problems };
}

async function sprintPlan(user: JiraClient, projectKey: string, sprintId: number): Promise<SprintPlanView> {
  const { input, sprint, perms, problems } = await readSprintPlanInputs(user, projectKey, sprintId);
  return {
    sprint: {
      id: sprint.id,
      name: sprint.name,
      state: sprint.state,
      goal: sprint.goal ?? '',
      boardId: sprint.originBoardId ?? sprint.boardId ?? 0,
    },
    projectKey,
    stories: input.stories,
    ...planSprint(input),
    canSchedule: perms.SCHEDULE_ISSUES === true && perms.EDIT_ISSUES === true,
    canCreateTasks: perms.CREATE_ISSUES === true && perms.LINK_ISSUES === true,
    problems,
  };
}

export function registerSprintResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'sprint/list', z.object({}), ({ context }): Promise<SprintChoice[]> =>
    openSprints(userClient(), projectKeyOf(context)),
  );

  defineResolver(resolver, 'sprint/get', z.object({ sprintId: SprintId.optional() }), ({ payload, context }) =>
    sprintPlan(userClient(), projectKeyOf(context), sprintIdOf(payload.sprintId, context)),
  );

  defineResolver(
    resolver,
    'sprint/add-tasks',
    z.object({
      sprintId: SprintId,
      mitigationIds: z
        .array(z.string().regex(/^M-\d+$/, 'A mitigation id looks like M-4'))
        .min(1)
        .max(50),
    }),
    async ({ payload, context }) => {
      const projectKey = projectKeyOf(context);
      const user = userClient();
      const perms = await projectPermissions(user, projectKey, ['SCHEDULE_ISSUES', 'EDIT_ISSUES']);
      if (!perms.SCHEDULE_ISSUES || !perms.EDIT_ISSUES)
        throw new AppError(
          'FORBIDDEN',
          `You need permission to schedule issues in ${projectKey} to add work to a sprint.`,
        );
      const keys: string[] = [];
      for (const mitigationId of payload.mitigationIds) {
        const mitigation = await createTaskOnce(user, projectKey, mitigationId, context.accountId);
        if (mitigation.task) keys.push(mitigation.task.key);
      }
      await moveToSprint(user, payload.sprintId, keys);
      return sprintPlan(user, projectKey, payload.sprintId);
    },
  );
}
