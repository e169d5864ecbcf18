import type { ThreatModelSettings } from '../../domain/threat-model/threat-model-settings';
import {
  canEditThreatModel,
  issuePermissions,
  projectPermissions,
  startEditorReads,
  type EarlyEditorReads,
} from '../../jira/client/permissions';
import { lastSeenModel, wasProjectAdmin } from '../../jira/threat-model/last-seen-models';
import {
  findProjectTasks,
  inProject,
  readTasksById,
  type TaskRecord,
} from '../../jira/mitigation/mitigation-task-repository';
import {
  readModelForWrite,
  readThreatModel,
  type StoredThreatModel,
} from '../../jira/threat-model/threat-model-repository';
import type { JiraClients } from './jira-clients';

// Reads several steps of one call need, read once per call through the call's memo (see
// CallMemo): the model as the person, their permissions in one request, whether they may edit
// the model. Without a memo (the CLI, a test's clients) each step reads for itself.

const once = <T>(jira: JiraClients, key: string, read: () => Promise<T>): Promise<T> =>
  jira.memo ? jira.memo.once(key, read) : read();

/** The permissions any step of a story's call checks, asked for in one `mypermissions` request. */
const ISSUE_PERMISSIONS = ['EDIT_ISSUES', 'ADMINISTER_PROJECTS', 'CREATE_ISSUES', 'LINK_ISSUES'];

/** The person's permissions on an issue (see ISSUE_PERMISSIONS), as Jira answers them for the person. */
export const issuePermissionsOf = (jira: JiraClients, issueId: string): Promise<Record<string, boolean>> =>
  once(jira, `permissions:issue:${issueId}`, () => issuePermissions(jira.user, issueId, ISSUE_PERMISSIONS));

/** The project permissions any step of a project page's call checks, asked for in one request. */
const PROJECT_PERMISSIONS = [
  'BROWSE_PROJECTS',
  'ADMINISTER_PROJECTS',
  'EDIT_ISSUES',
  'CREATE_ISSUES',
  'LINK_ISSUES',
  'TRANSITION_ISSUES',
  'SCHEDULE_ISSUES',
  // Global: whether the person administers Jira (mypermissions answers it in the same request).
  'ADMINISTER',
];

/** The person's permissions on the project (see PROJECT_PERMISSIONS), as Jira answers them for the person. */
export const projectPermissionsOf = (jira: JiraClients, projectKey: string): Promise<Record<string, boolean>> =>
  once(jira, `permissions:project:${projectKey}`, () => projectPermissions(jira.user, projectKey, PROJECT_PERMISSIONS));

/** Whether the person administers the project. */
export const isProjectAdmin = async (jira: JiraClients, projectKey: string): Promise<boolean> =>
  (await projectPermissionsOf(jira, projectKey)).ADMINISTER_PROJECTS === true;

/** The project's threat model as the person reads it. */
export const threatModelOf = (jira: JiraClients, projectKey: string): Promise<StoredThreatModel> =>
  once(jira, `model:${projectKey}`, () => readThreatModel(jira.user, projectKey));

/**
 * The model as the person reads it (threatModelOf), with other project properties in the same
 * request when this call has not read the model yet; `extra` is undefined when it had (a write
 * that checked the editor first), and the caller reads those properties itself.
 */
export function threatModelWith(
  jira: JiraClients,
  projectKey: string,
  extraKeys: string[],
): { stored: Promise<StoredThreatModel>; extra: Promise<Record<string, unknown>> | undefined } {
  let asked = false;
  const stored = once(jira, `model:${projectKey}`, () => {
    asked = true;
    return readThreatModel(jira.user, projectKey, extraKeys);
  });
  return { stored, extra: asked ? stored.then((s) => s.extra) : undefined };
}

/**
 * The model's properties and the write lease's lock, read as the app in one request: what a
 * write checks the person against before it takes the lease, and the lease's first look at its
 * lock (see asModelEditor). A view reads the model as the person (threatModelOf); a call on an
 * issue the person has read may show this one (showModelReadWithIssue), which for a large model
 * is partly what this instance knew (known-models.ts). `touching`: ids of the records the call
 * will change, whose shards are then read with the meta.
 */
export const modelWithLockOf = (
  jira: JiraClients,
  projectKey: string,
  touching: string[] = [],
): Promise<StoredThreatModel> =>
  once(jira, `model-with-lock:${projectKey}`, () =>
    readModelForWrite(jira.app, projectKey, [], Date.now, { touching }),
  );

/**
 * For a call on an issue the person has just read as themselves (so they see its project): the
 * model as the app read it (modelWithLockOf) is the one the person's view shows, not read again.
 */
export function showModelReadWithIssue(jira: JiraClients, projectKey: string, read: Promise<StoredThreatModel>): void {
  void jira.memo?.once(`model:${projectKey}`, () => read).catch(() => undefined);
}

/** The model as this call has just written it: later steps of the call show it without reading it again. */
export function rememberThreatModel(jira: JiraClients, projectKey: string, stored: StoredThreatModel): void {
  jira.memo?.remember(`model:${projectKey}`, stored);
}

/**
 * Whether the person may edit the project's threat model (see canEditThreatModel), once per
 * call; `isAdmin` when the caller already knows it (from an issue's permissions).
 */
export const mayEditThreatModel = (
  jira: JiraClients,
  who: { projectKey: string; accountId: string; isAdmin?: Promise<boolean> },
  settings: ThreatModelSettings,
): Promise<boolean> =>
  once(jira, `model-editor:${who.projectKey}:${who.accountId}`, async () =>
    canEditThreatModel(
      jira.user,
      jira.app,
      {
        projectKey: who.projectKey,
        accountId: who.accountId,
        isProjectAdmin: await (who.isAdmin ?? isProjectAdmin(jira, who.projectKey)),
      },
      settings,
      await once(jira, `early-editors:${who.projectKey}`, async (): Promise<EarlyEditorReads | undefined> => undefined),
    ),
  );

/**
 * Starts, for this call, the reads of the roles (and groups) the project's settings named when
 * this instance last read them, unless the person was found administering the project: every step
 * of the call that checks an editor then uses them (see startEditorReads). Call it first thing.
 */
export function readEditorsEarly(jira: JiraClients, projectKey: string, accountId: string): void {
  const site = jira.app.tenant;
  const seen = lastSeenModel(site, projectKey);
  if (!seen || wasProjectAdmin(site, projectKey, accountId)) return;
  void once(jira, `early-editors:${projectKey}`, async () => startEditorReads(jira.user, jira.app, projectKey, seen));
}

/** The project's mitigation tasks with their live statuses (one search), as the person sees them. */
const tasksByIdKey = (issueIds: string[], sprintField?: string) =>
  `tasks-by-id:${sprintField ?? ''}:${[...new Set(issueIds)].sort().join(',')}`;

/**
 * The tasks with these issue ids (see readTasksById), read once per call for the same set (and
 * Sprint field); only those Jira places in the project (see recordedTasks).
 */
export const tasksByIdOf = async (
  jira: JiraClients,
  projectKey: string,
  issueIds: string[],
  sprintField?: string,
): Promise<TaskRecord[]> => {
  const ids = [...new Set(issueIds)].sort();
  const tasks = await once(jira, tasksByIdKey(ids, sprintField), () => readTasksById(jira.user, ids, sprintField));
  return tasks.filter(inProject(projectKey));
};

/** Tasks this call read by these ids in another request: tasksByIdOf for the same set answers them. */
export function rememberTasksById(
  jira: JiraClients,
  issueIds: string[],
  sprintField: string | undefined,
  tasks: TaskRecord[],
): void {
  jira.memo?.remember(tasksByIdKey(issueIds, sprintField), tasks);
}

export const projectTasksOf = (jira: JiraClients, projectKey: string): Promise<TaskRecord[]> =>
  once(jira, `tasks:${projectKey}`, () => findProjectTasks(jira.user, projectKey));
