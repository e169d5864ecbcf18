import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/common/app-error';
import type { Mitigation } from '../../domain/mitigation/mitigation';
import { mitigationTaskDescription } from '../../domain/mitigation/mitigation-task-description';
import { mitigationView, storedTaskSummary } from '../../domain/mitigation/mitigation-view';
import type { MitigationView, TaskSummary } from '../../contract';
import { attachTask, claimTask, findMitigation, type ThreatModel } from '../../domain/threat-model/threat-model';
import { clausesField } from '../../jira/story/clauses-field';
import {
  createTask,
  findClaimedTask,
  mitigationTaskState,
  mitigatesLinkType,
} from '../../jira/mitigation/mitigation-task-repository';
import { storiesLinkedTo } from '../../jira/story/story-repository';
import { withLevelsNow } from '../../jira/client/security-levels-now';
import { withModelLease } from '../../jira/threat-model/threat-model-repository';
import { isProjectAdmin, projectPermissionsOf } from '../common/call-reads';
import type { JiraClients } from '../common/jira-clients';
import { requireTaskCreator } from './require-task-creator';

const now = () => new Date().toISOString();

const summaryOf = (task: {
  id: string;
  key: string;
  statusName: string;
  categoryKey: TaskSummary['categoryKey'];
}): TaskSummary => ({
  id: task.id,
  key: task.key,
  statusName: task.statusName,
  categoryKey: task.categoryKey,
});

/** Refuses a task that would make no sense for the mitigation as it stands. */
function checkTaskWanted(mitigation: Mitigation): void {
  if (mitigation.status === 'rejected')
    throw new AppError('BAD_REQUEST', `${mitigation.id} is rejected; accept it before creating its task.`);
  // A task would pull an existing or implemented mitigation back to "accepted" and raise the risk.
  if (!mitigation.task && (mitigation.status === 'existing' || mitigation.status === 'implemented')) {
    throw new AppError('BAD_REQUEST', `${mitigation.id} is already in place (${mitigation.status}); it needs no task.`);
  }
}

/**
 * Whether a recorded task may be replaced: only when it is no longer a task for the person and
 * for the app. Any task creator may when they read it themselves and it is not a task any more
 * (released, or moved to another project), or when the app reads it released in the project.
 * Otherwise it may still be someone's task (deleted, under a security level the person is not
 * in, or moved to a project they cannot browse: Jira answers alike), and only a project
 * administrator decides. A task either reads as a task is kept.
 */
async function mayReplace(jira: JiraClients, projectKey: string, task: { id: string; key: string }): Promise<boolean> {
  const [forPerson, forApp] = await Promise.all([
    mitigationTaskState(jira.user, projectKey, task.id),
    mitigationTaskState(jira.app, projectKey, task.id),
  ]);
  if (forPerson === 'task' || forApp === 'task') return false;
  if (forPerson !== 'unreadable' || forApp === 'released' || (await isProjectAdmin(jira, projectKey))) return true;
  throw new AppError(
    'FORBIDDEN',
    `You cannot read ${task.key}: it was deleted, moved to a project you cannot browse, or it is under a security level. It may still be someone's task, so only a project administrator can give this mitigation a new one.`,
  );
}

type TaskStep = { done: ThreatModel } | { claimId: string; mitigation: Mitigation; current: ThreatModel };

/**
 * Creates the mitigation's task once, under the model's write lease: a second click or a
 * concurrent one finds the task already attached. Before creating, the model records a claim;
 * the task carries the claim's id. A retry after a failure between creating the task and
 * recording it adopts only an issue with that claim id created by the person who claimed it,
 * so a `without.task` property someone wrote by hand is never adopted. The claim is written as
 * the app, so whoever calls this ("Create task", "Add to sprint", the monitoring view) is checked
 * here, under the lease, before a claim or a task: they must be able to create and link issues.
 * A mitigation whose task exists needs no such check ("Add to sprint" of existing work, by
 * someone who may only schedule). Callers that only create check first, before the lease.
 */
export async function createTaskOnce(
  jira: JiraClients,
  projectKey: string,
  mitigationId: string,
  accountId: string,
  /**
   * "Create task" itself (not "Add to sprint" or the monitoring view): a recorded task that is
   * no longer a mitigation task of the project, for the person and for the app, is replaced by a
   * new one (mayReplace); the audit offers "Create the task" for exactly that.
   */
  options: { replaceGone?: boolean } = {},
): Promise<MitigationView> {
  const { user, app } = jira;
  const actor = () => ({ accountId, now: now() });
  let created: TaskSummary | undefined;
  const model = await withModelLease(
    app,
    projectKey,
    accountId,
    async (session) => {
      const step = await session.change<TaskStep>(async (current: ThreatModel) => {
        const mitigation = findMitigation(current, mitigationId);
        checkTaskWanted(mitigation);
        // The task recorded is the answer (a second click, a concurrent one) while it is one.
        const recorded = mitigation.task;
        const replaced = recorded && options.replaceGone && (await mayReplace(jira, projectKey, recorded));
        if (recorded && !replaced) return { model: current, result: { done: current } };
        // A replacement is a new task: not for a mitigation already in place.
        if (replaced) checkTaskWanted({ ...mitigation, task: null });
        // Read once a call (the call's memo): a caller that checked before the lease asks nothing more.
        await requireTaskCreator(jira, projectKey);
        const claim = mitigation.taskClaim;
        const adopted = claim ? await findClaimedTask(user, projectKey, mitigationId, claim) : undefined;
        if (claim && adopted) {
          created = summaryOf(adopted);
          const next = attachTask(current, mitigationId, adopted, actor(), claim.id).model;
          return { model: next, result: { done: next } };
        }
        const claimId = randomUUID();
        // The task is recorded by the next change of this session, with no other writer in between.
        return {
          model: claimTask(current, mitigationId, claimId, actor(), Boolean(replaced)),
          result: { claimId, mitigation, current },
          holdOn: true,
        };
      });
      if ('done' in step) return step.done;
      const { claimId, mitigation, current } = step;
      const threatIds = mitigation.addresses.map((a) => a.threatId);
      // Their levels as they are now: the description is read by people outside a level set a moment ago.
      const linked = await storiesLinkedTo(user, projectKey, await clausesField(user), threatIds);
      const stories = await withLevelsNow(user, linked, (s) => s.key);
      const task = await createTask(user, {
        projectKey,
        issueTypeName: current.settings.taskIssueTypeName,
        summary: `${mitigation.title} (${mitigationId})`.slice(0, 250),
        description: mitigationTaskDescription(mitigation, current.threats, stories),
        property: { v: 1, mitigationId, threatIds, projectKey, claim: claimId },
        storyKeys: stories.map((s) => s.key),
        linkType: await mitigatesLinkType(user, (await projectPermissionsOf(jira, projectKey)).ADMINISTER === true),
      });
      created = summaryOf({ id: task.id, key: task.key, statusName: 'To Do', categoryKey: 'new' });
      return session.change((latest) => {
        // Only for this session's claim: the session holds the model from the claim to here (holdOn),
        // and this says so again rather than trust it.
        const next = attachTask(latest, mitigationId, task, actor(), claimId);
        return { model: next.model, result: next.model };
      });
    },
    { touching: [mitigationId] },
  );
  const mitigation = findMitigation(model, mitigationId);
  // A task attached before (a second click, or a concurrent one) shows the status the model stored.
  const known = created ?? (mitigation.task ? storedTaskSummary(mitigation.task, mitigation.status) : undefined);
  return mitigationView(mitigation, new Map(known ? [[known.id, known]] : []));
}
