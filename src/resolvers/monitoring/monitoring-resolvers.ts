import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { AppError } from '../../domain/common/app-error';
import { wireDetectionEvent } from '../../domain/monitoring/detection-wiring';
import { monitoringOf, type DetectionWiringView } from '../../domain/monitoring/monitoring-view';
import type { Mitigation } from '../../domain/mitigation/mitigation';
import { storedTaskSummary } from '../../domain/mitigation/mitigation-view';
import {
  MonitoringCreateTask,
  type MonitoredEventChange,
  type MonitoringView,
  type TaskSummary,
} from '../../domain/resolver-contract';
import type { ThreatModel } from '../../domain/threat-model/threat-model';
import { canEditThreatModel, projectPermissions } from '../../jira/client/permissions';
import type { JiraClient } from '../../jira/client/jira-client';
import { loadActiveKnowledgeBases } from '../../jira/knowledge-base/knowledge-base-repository';
import { findProjectTasks } from '../../jira/mitigation/mitigation-task-repository';
import { changeThreatModel, readThreatModel } from '../../jira/threat-model/threat-model-repository';
import { appClient, userClient } from '../../jira/client/clients';
import { projectKeyOf } from '../context-project';
import { defineResolver } from '../define-resolver';
import { createTaskOnce } from '../../app/mitigation/create-task-once';
import { requireModelEditor } from '../model-editor';

// The monitoring view: the detection events of the active threats, and "Create task" for one,
// which adds the detective mitigation that wires it and creates that mitigation's task.

/** Live statuses of the tasks of detection wirings: no search when none has a task. */
async function wiringTasks(
  user: JiraClient,
  projectKey: string,
  model: ThreatModel,
): Promise<Map<string, TaskSummary>> {
  if (!model.mitigations.some((m) => m.source?.detectionEventId !== undefined && m.task)) return new Map();
  const tasks = await findProjectTasks(user, projectKey);
  return new Map(
    tasks.map((t) => [t.id, { id: t.id, key: t.key, statusName: t.statusName, categoryKey: t.categoryKey }]),
  );
}

/**
 * The wiring with its task, created once. A task attached earlier (a second click) needs no
 * second lease; its status is the one the model stored, which the status trigger keeps in step
 * and the next monitoring/get reads live.
 */
async function wiringWithTask(
  user: JiraClient,
  projectKey: string,
  mitigation: Mitigation,
  accountId: string,
): Promise<DetectionWiringView> {
  const { id: mitigationId, title } = mitigation;
  if (mitigation.task)
    return {
      mitigationId,
      title,
      status: mitigation.status,
      task: storedTaskSummary(mitigation.task, mitigation.status),
    };
  const { status, task } = await createTaskOnce(user, projectKey, mitigationId, accountId);
  return { mitigationId, title, status, task };
}

export function registerMonitoringResolvers(resolver: Resolver): void {
  defineResolver(resolver, 'monitoring/get', z.object({}), async ({ context }): Promise<MonitoringView> => {
    const projectKey = projectKeyOf(context);
    const user = userClient();
    const [stored, perms] = await Promise.all([
      readThreatModel(user, projectKey),
      projectPermissions(user, projectKey, ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS', 'CREATE_ISSUES', 'LINK_ISSUES']),
    ]);
    if (!perms.BROWSE_PROJECTS) throw new AppError('FORBIDDEN', `You can't see project ${projectKey}.`);
    const { model } = stored;
    const [canEdit, loaded, tasks] = await Promise.all([
      canEditThreatModel(
        user,
        appClient(),
        { projectKey, accountId: context.accountId, isProjectAdmin: perms.ADMINISTER_PROJECTS === true },
        model.settings,
      ),
      loadActiveKnowledgeBases(user, projectKey, model.settings.knowledgeBases),
      wiringTasks(user, projectKey, model),
    ]);
    return {
      projectKey,
      ...monitoringOf(model, loaded.knowledgeBases, tasks),
      canEdit,
      canCreateTasks: perms.CREATE_ISSUES === true && perms.LINK_ISSUES === true,
      problems: [...stored.problems, ...loaded.problems],
    };
  });

  defineResolver(
    resolver,
    'monitoring/create-task',
    MonitoringCreateTask,
    async ({ payload, context }): Promise<MonitoredEventChange> => {
      const projectKey = projectKeyOf(context);
      const user = userClient();
      await requireModelEditor(user, projectKey, context.accountId);
      const perms = await projectPermissions(user, projectKey, ['CREATE_ISSUES', 'LINK_ISSUES']);
      if (!perms.CREATE_ISSUES) throw new AppError('FORBIDDEN', `You can't create tasks in ${projectKey}.`);
      if (!perms.LINK_ISSUES)
        throw new AppError(
          'FORBIDDEN',
          `You can't link issues in ${projectKey}, and the task must be linked to its stories.`,
        );
      const actor = { accountId: context.accountId, now: new Date().toISOString() };
      const { mitigation, event } = await changeThreatModel(
        appClient(),
        projectKey,
        context.accountId,
        async (model) => {
          const { knowledgeBases } = await loadActiveKnowledgeBases(user, projectKey, model.settings.knowledgeBases);
          const wired = wireDetectionEvent(model, knowledgeBases, payload.threatId, payload.eventId, actor);
          return { model: wired.model, result: wired };
        },
      );
      const wiring = await wiringWithTask(user, projectKey, mitigation, context.accountId);
      return { threatId: payload.threatId, event: { ...event, wiring } };
    },
  );
}
