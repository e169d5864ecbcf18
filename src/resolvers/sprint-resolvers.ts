import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { AppError } from '../domain/app-error';
import type { SprintChoice, SprintPlanView } from '../domain/resolver-contract';
import { planSprint, type TaskSprint } from '../domain/sprint-plan';
import { projectPermissions } from '../jira/access';
import { sprintFieldId } from '../jira/app-field';
import type { JiraClient } from '../jira/jira-client';
import { liveModel } from '../jira/project-risk';
import { moveToSprint, openSprints, readSprint, sprintStories, taskSprintOf } from '../jira/sprint-repository';
import { readThreatModel } from '../jira/threat-model-store';
import { userClient } from './clients';
import { projectKeyOf } from './context-project';
import { defineResolver } from './define-resolver';
import type { InvocationContext } from './invocation-context';
import { createTaskOnce } from './mitigation-resolvers';
import { clausesField } from './story-resolvers';

const SprintId = z.number().int().positive();

/** The sprint asked for: the payload's (project page picker) or the sprint action's own. */
function sprintIdOf(payloadId: number | undefined, context: InvocationContext): number {
  const fromContext = (context.extension as { sprint?: { id?: unknown } }).sprint?.id;
  const id = payloadId ?? (typeof fromContext === 'string' ? Number(fromContext) : fromContext);
  const parsed = SprintId.safeParse(id);
  if (!parsed.success) throw new AppError('BAD_REQUEST', 'Pick a sprint first.');
  return parsed.data;
}

/**
 * The sprint's security plan in ceil(N/100) + 4 requests for a model of one shard: the
 * sprint's stories with their clauses and Sprint field (which also names the sprint), the
 * model (meta, then shards), one search for every task with its sprint, and the permissions.
 */
async function sprintPlan(user: JiraClient, projectKey: string, sprintId: number): Promise<SprintPlanView> {
  const field = await clausesField(user);
  const sprintField = await sprintFieldId(user);
  const [{ stories, sprint: fromStories }, stored, perms] = await Promise.all([
    sprintStories(user, projectKey, sprintId, { clauses: field.id, sprint: sprintField }),
    readThreatModel(user, projectKey),
    projectPermissions(user, projectKey, ['SCHEDULE_ISSUES', 'EDIT_ISSUES', 'CREATE_ISSUES', 'LINK_ISSUES']),
  ]);
  const [sprint, live] = await Promise.all([fromStories ?? readSprint(user, sprintId), liveModel(user, projectKey, stored.model, sprintField)]);
  const taskSprints = new Map<string, TaskSprint>(live.tasks.map((t) => [t.id, taskSprintOf(t.sprintValue)]));
  const plan = planSprint({ sprintId, stories, threats: stored.model.threats, mitigations: live.mitigations, taskSprints });
  return {
    sprint: { id: sprint.id, name: sprint.name, state: sprint.state, goal: sprint.goal ?? '', boardId: sprint.originBoardId ?? sprint.boardId ?? 0 },
    projectKey,
    stories,
    ...plan,
    canSchedule: perms.SCHEDULE_ISSUES === true && perms.EDIT_ISSUES === true,
    canCreateTasks: perms.CREATE_ISSUES === true && perms.LINK_ISSUES === true,
    problems: stored.problems,
  };
}

export function registerSprintResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'sprint/list', z.object({}), ({ context }): Promise<SprintChoice[]> => openSprints(userClient(), projectKeyOf(context)));

  defineResolver(resolver, 'sprint/get', z.object({ sprintId: SprintId.optional() }), ({ payload, context }) =>
    sprintPlan(userClient(), projectKeyOf(context), sprintIdOf(payload.sprintId, context)),
  );

  defineResolver(
    resolver,
    'sprint/add-tasks',
    z.object({ sprintId: SprintId, mitigationIds: z.array(z.string().regex(/^M-\d+$/, 'A mitigation id looks like M-4')).min(1).max(50) }),
    async ({ payload, context }) => {
      const projectKey = projectKeyOf(context);
      const user = userClient();
      const perms = await projectPermissions(user, projectKey, ['SCHEDULE_ISSUES', 'EDIT_ISSUES']);
      if (!perms.SCHEDULE_ISSUES || !perms.EDIT_ISSUES) throw new AppError('FORBIDDEN', `You need permission to schedule issues in ${projectKey} to add work to a sprint.`);
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
