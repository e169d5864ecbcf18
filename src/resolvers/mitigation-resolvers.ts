import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { AppError } from '../domain/app-error';
import { MitigationDraft } from '../domain/mitigation';
import { mitigationTaskDescription } from '../domain/mitigation-task-description';
import { mitigationView, storedTaskSummary } from '../domain/mitigation-view';
import { MitigationEdit, type MitigationView, type TaskSummary } from '../domain/resolver-contract';
import { addMitigation, attachTask, editMitigation, findMitigation, type ThreatModel } from '../domain/threat-model';
import { projectPermissions } from '../jira/access';
import type { JiraClient } from '../jira/jira-client';
import { createTask, findTaskOf, mitigatesLinkType } from '../jira/mitigation-tasks';
import { changeThreatModel } from '../jira/threat-model-store';
import { appClient, userClient } from './clients';
import { projectKeyOf } from './context-project';
import { defineResolver } from './define-resolver';
import { requireModelEditor } from './model-editor';
import { clausesField } from '../jira/app-field';
import { storiesLinkedTo } from '../jira/story-repository';

const now = () => new Date().toISOString();

const summaryOf = (task: { id: string; key: string; statusName: string; categoryKey: TaskSummary['categoryKey'] }): TaskSummary => ({
  id: task.id,
  key: task.key,
  statusName: task.statusName,
  categoryKey: task.categoryKey,
});

/**
 * Creates the mitigation's task once. Under the model's write lease, a second click or a
 * concurrent one finds the task already attached; a retry after a failure that happened
 * between creating the task and recording it finds the task by its property and adopts it.
 */
export async function createTaskOnce(user: JiraClient, projectKey: string, mitigationId: string, accountId: string): Promise<MitigationView> {
  let created: TaskSummary | undefined;
  const model = await changeThreatModel(appClient(), projectKey, accountId, async (current: ThreatModel) => {
    const mitigation = findMitigation(current, mitigationId);
    if (mitigation.status === 'rejected') throw new AppError('BAD_REQUEST', `${mitigationId} is rejected; accept it before creating its task.`);
    // A task would pull an existing or implemented mitigation back to "accepted" and raise the risk.
    if (!mitigation.task && (mitigation.status === 'existing' || mitigation.status === 'implemented')) {
      throw new AppError('BAD_REQUEST', `${mitigationId} is already in place (${mitigation.status}); it needs no task.`);
    }
    if (mitigation.task) return { model: current, result: current };
    const existing = await findTaskOf(user, projectKey, mitigationId);
    const threatIds = mitigation.addresses.map((a) => a.threatId);
    const stories = existing ? [] : await storiesLinkedTo(user, projectKey, await clausesField(user), threatIds);
    const task =
      existing ??
      (await createTask(user, {
        projectKey,
        issueTypeName: current.settings.taskIssueTypeName,
        summary: `${mitigation.title} (${mitigationId})`.slice(0, 250),
        description: mitigationTaskDescription(mitigation, current.threats, stories),
        property: { v: 1, mitigationId, threatIds, projectKey },
        storyKeys: stories.map((s) => s.key),
        linkType: await mitigatesLinkType(appClient()),
      }));
    created = summaryOf(existing ?? { id: task.id, key: task.key, statusName: 'To Do', categoryKey: 'new' });
    const next = attachTask(current, mitigationId, { id: task.id, key: task.key }, { accountId, now: now() });
    return { model: next.model, result: next.model };
  });
  const mitigation = findMitigation(model, mitigationId);
  // A task attached before (a second click, or a concurrent one) shows the status the model stored.
  const known = created ?? (mitigation.task ? storedTaskSummary(mitigation.task, mitigation.status) : undefined);
  return mitigationView(mitigation, new Map(known ? [[known.id, known]] : []));
}

export function registerMitigationResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'mitigation/add', z.object({ draft: MitigationDraft }), async ({ payload, context }) => {
    const projectKey = projectKeyOf(context);
    await requireModelEditor(userClient(), projectKey, context.accountId);
    const mitigation = await changeThreatModel(appClient(), projectKey, context.accountId, (model) => {
      const added = addMitigation(model, payload.draft, { accountId: context.accountId, now: now() });
      return { model: added.model, result: added.mitigation };
    });
    return mitigationView(mitigation, new Map());
  });

  defineResolver(resolver, 'mitigation/update', MitigationEdit, async ({ payload, context }) => {
    const projectKey = projectKeyOf(context);
    await requireModelEditor(userClient(), projectKey, context.accountId);
    const mitigation = await changeThreatModel(appClient(), projectKey, context.accountId, (model) => {
      const edited = editMitigation(model, payload.id, payload.baseRevision, payload.draft, { accountId: context.accountId, now: now() });
      return { model: edited.model, result: edited.mitigation };
    });
    return mitigationView(mitigation, new Map());
  });

  defineResolver(resolver, 'mitigation/create-task', z.object({ mitigationId: z.string().regex(/^M-\d+$/, 'A mitigation id looks like M-4') }), async ({ payload, context }) => {
    const projectKey = projectKeyOf(context);
    const user = userClient();
    const perms = await projectPermissions(user, projectKey, ['CREATE_ISSUES', 'LINK_ISSUES']);
    if (!perms.CREATE_ISSUES) throw new AppError('FORBIDDEN', `You can't create tasks in ${projectKey}.`);
    if (!perms.LINK_ISSUES) throw new AppError('FORBIDDEN', `You can't link issues in ${projectKey}, and the task must be linked to its stories.`);
    return createTaskOnce(user, projectKey, payload.mitigationId, context.accountId);
  });
}
