import { route } from '@forge/api';
import { z } from 'zod';
import type { StatusCategoryKey } from '../../domain/mitigation/task-status';
import type { JiraClient } from '../client/jira-client';
import { JiraApiError } from '../client/jira-errors';
import { hasSecurityLevel, IssueRecord, restrictedOf, statusOf, UNKNOWN_STATUS } from '../client/jira-schemas';
import type { TaskIssue } from '../../domain/mitigation/task-evidence';
import { readIssuesById, searchIssues } from '../client/search-issues';
import { jqlString } from '../client/jql';

import { TASK_PROPERTY_KEY, TaskProperty } from '../../domain/mitigation/task-property';

export { TaskProperty };
export const TASK_PROPERTY = TASK_PROPERTY_KEY;

export interface TaskRecord {
  id: string;
  key: string;
  summary: string;
  statusName: string;
  categoryKey: StatusCategoryKey;
  /** undefined when the property is missing or someone broke it through the REST API. */
  property: TaskProperty | undefined;
  linkedIssueKeys: string[];
  /** The raw Sprint field value, when the search asked for it. */
  sprintValue?: unknown;
  /** Who created the issue (Jira's creator field: set by Jira, never editable), when asked for. */
  creatorAccountId?: string;
  /**
   * The issue has a security level (hasSecurityLevel). What the app reads as itself and stores for
   * the project to read leaves such a task out (the risk history), as the audit leaves such issues out.
   */
  restricted?: boolean;
}

const Creator = z.looseObject({ accountId: z.string() });
const Link = z.looseObject({
  inwardIssue: z.looseObject({ key: z.string() }).optional(),
  outwardIssue: z.looseObject({ key: z.string() }).optional(),
});

function toTask(
  issue: { id: string; key: string; fields: Record<string, unknown>; properties: Record<string, unknown> },
  sprintField?: string,
): TaskRecord {
  const links = z.array(Link).safeParse(issue.fields.issuelinks ?? []);
  const property = TaskProperty.safeParse(issue.properties[TASK_PROPERTY]);
  return {
    id: issue.id,
    key: issue.key,
    summary: typeof issue.fields.summary === 'string' ? issue.fields.summary : '',
    ...(statusOf(issue.fields.status) ?? UNKNOWN_STATUS),
    property: property.success ? property.data : undefined,
    linkedIssueKeys: links.success
      ? links.data.flatMap((l) => [l.inwardIssue?.key, l.outwardIssue?.key].filter((k): k is string => !!k))
      : [],
    ...(sprintField ? { sprintValue: issue.fields[sprintField] } : {}),
    ...creatorOf(issue.fields.creator),
    ...restrictedOf(issue.fields),
  };
}

function creatorOf(value: unknown): { creatorAccountId?: string } {
  const creator = Creator.safeParse(value);
  return creator.success ? { creatorAccountId: creator.data.accountId } : {};
}

const TASK_FIELDS = ['summary', 'status', 'issuelinks', 'security'];
/** The label every task the app creates carries. */
export const TASK_LABEL = 'without-mitigation';

/** Every mitigation task of a project, with status and property: one search, paged. */
export async function findProjectTasks(
  client: JiraClient,
  projectKey: string,
  sprintField?: string,
): Promise<TaskRecord[]> {
  const issues = await searchIssues(client, {
    jql: `project = ${jqlString(projectKey)} AND issue.property[${TASK_PROPERTY}].mitigationId IS NOT EMPTY`,
    fields: sprintField ? [...TASK_FIELDS, sprintField] : TASK_FIELDS,
    properties: [TASK_PROPERTY],
  });
  return issues.map((i) => toTask(i, sprintField));
}

/**
 * The tasks with these issue ids (the ids the model records for its mitigations), as Jira has
 * them now, through bulkfetch rather than the search index: 100 a request, whatever the number
 * of tasks in the project. Issues that are gone or hidden from the caller are left out.
 */
export async function readTasksById(
  client: JiraClient,
  issueIds: string[],
  /** The Sprint field's id, to read where each task sits (TaskRecord.sprintValue) in the same request. */
  sprintField?: string,
): Promise<TaskRecord[]> {
  if (issueIds.length === 0) return [];
  const fields = sprintField ? [...TASK_FIELDS, sprintField] : TASK_FIELDS;
  const issues = await readIssuesById(client, issueIds, { fields, properties: [TASK_PROPERTY] });
  return issues.map((i) => toTask(i, sprintField));
}

/**
 * Whether Jira's key of a task puts it in the project: a key is the project's key (which has no
 * dash), a dash, a number, and Jira answers an issue's current key (a moved issue has its new one).
 */
export const inProject =
  (projectKey: string) =>
  (task: { key: string }): boolean =>
    task.key.startsWith(`${projectKey}-`);

/** How long after a claim the app's create of the task may have happened (a resolver runs 25 s). */
const CLAIM_WINDOW_MS = 5 * 60_000;
/** Clocks of the app and of Jira may disagree by this much. */
const CLOCK_SKEW_MS = 30_000;

const ClaimedIssueFields = z.looseObject({
  created: z.string(),
  summary: z.string(),
  labels: z.array(z.string()).default([]),
  creator: z.looseObject({ accountId: z.string() }),
});

/**
 * The task the app created for a mitigation under `claim` but could not record (it failed in
 * between). Anyone who may browse the project can read the claim, and anyone who may edit an
 * issue can write a property carrying it, so the issue must also show what only the app's
 * create can produce: created by the person who claimed (Jira's creator field cannot be
 * edited), within minutes after the claim, with the app's label and the mitigation's id in
 * its summary. An older issue, or one made by someone else, is never adopted.
 */
export async function findClaimedTask(
  client: JiraClient,
  projectKey: string,
  mitigationId: string,
  claim: { id: string; accountId: string; at: string },
): Promise<TaskRecord | undefined> {
  const fields = [...TASK_FIELDS, 'creator', 'created', 'labels'];
  const [issues, newest] = await Promise.all([
    searchIssues(client, {
      jql: `project = ${jqlString(projectKey)} AND issue.property[${TASK_PROPERTY}].mitigationId = ${jqlString(mitigationId)} ORDER BY created ASC`,
      fields,
      properties: [TASK_PROPERTY],
    }),
    // Search lags behind writes (https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/),
    // and the id of a task created just before a failure is what the app never learnt, so it
    // cannot be reconciled. Issue keys grow one by one in a project: the issues after the
    // newest key search knows are read by key, fresh.
    searchIssues(client, {
      jql: `project = ${jqlString(projectKey)} ORDER BY key DESC`,
      fields: ['id'],
      limit: 1,
      pageSize: 1,
    }),
  ]);
  const claimedAt = Date.parse(claim.at);
  const made = (issue: (typeof issues)[number]): boolean => {
    const fields = ClaimedIssueFields.safeParse(issue.fields);
    if (!fields.success) return false;
    const created = Date.parse(fields.data.created);
    return (
      fields.data.creator.accountId === claim.accountId &&
      created >= claimedAt - CLOCK_SKEW_MS &&
      created <= claimedAt + CLAIM_WINDOW_MS &&
      fields.data.labels.includes(TASK_LABEL) &&
      fields.data.summary.endsWith(`(${mitigationId})`)
    );
  };
  const adoptable = (candidates: typeof issues) =>
    candidates
      .filter(made)
      .map((i) => toTask(i))
      .find((t) => t.property?.claim === claim.id && t.property.projectKey === projectKey);
  const found = adoptable(issues);
  if (found) return found;
  const lastNumber = Number(newest[0]?.key.split('-').pop() ?? 0);
  const notYetIndexed = Array.from({ length: UNINDEXED_PROBE }, (_, i) => `${projectKey}-${lastNumber + 1 + i}`);
  return adoptable(await readIssuesById(client, notYetIndexed, { fields, properties: [TASK_PROPERTY] }));
}

/** How many keys after the newest one search knows are read fresh (one request). */
const UNINDEXED_PROBE = 50;

const LinkTypes = z.looseObject({ issueLinkTypes: z.array(z.looseObject({ name: z.string() })) });
const CreatedIssue = z.looseObject({ id: z.string(), key: z.string() });

export const MITIGATES = { name: 'Mitigates', outward: 'mitigates', inward: 'is mitigated by' };

const hasMitigates = async (user: JiraClient): Promise<boolean> =>
  (await user.get(route`/rest/api/3/issueLinkType`.value, LinkTypes)).issueLinkTypes.some(
    (t) => t.name === MITIGATES.name,
  );

/**
 * "Mitigates" if the site has it, or the person administers Jira and so may create it; "Relates"
 * otherwise. A link type is site-wide configuration, which only a Jira administrator may change:
 * it is created as the person, so Jira checks that too (found by an attacker's review: created as
 * the app, any task creator changed the site's configuration, and brought the type back after an
 * administrator deleted it). `jiraAdmin`: the person's global ADMINISTER permission, read with
 * their other permissions, so nobody else is sent to be refused.
 */
export async function mitigatesLinkType(user: JiraClient, jiraAdmin: boolean): Promise<string> {
  if (await hasMitigates(user)) return MITIGATES.name;
  if (!jiraAdmin) return 'Relates';
  try {
    await user.post(route`/rest/api/3/issueLinkType`.value, MITIGATES, z.unknown());
    return MITIGATES.name;
  } catch (error) {
    // Jira answers 404 when the person may not, when linking is off, or when the name is in use
    // (created meanwhile: then it is there to use).
    if (error instanceof JiraApiError && error.kind === 'NOT_FOUND')
      return (await hasMitigates(user)) ? MITIGATES.name : 'Relates';
    if (error instanceof JiraApiError && (error.kind === 'FORBIDDEN' || error.kind === 'UNAUTHORIZED'))
      return 'Relates';
    throw error;
  }
}

export interface NewTask {
  projectKey: string;
  issueTypeName: string;
  summary: string;
  description: unknown;
  property: TaskProperty;
  storyKeys: string[];
  linkType: string;
}

const ProjectField = z.looseObject({ key: z.string() });

/**
 * What an issue is now, as the caller sees it: still a mitigation task of the project (in the
 * project, with the app's label or the task property: what the audit's task search asks for),
 * released (in the project, neither), elsewhere (moved to another project), or unreadable
 * (deleted, or under a security level the caller is not in: Jira answers both alike). One read,
 * not through the search index.
 */
export async function mitigationTaskState(
  client: JiraClient,
  projectKey: string,
  issueId: string,
): Promise<'task' | 'released' | 'elsewhere' | 'unreadable'> {
  const [issue] = await readIssuesById(client, [issueId], {
    fields: ['project', 'labels'],
    properties: [TASK_PROPERTY],
  });
  if (!issue) return 'unreadable';
  const project = ProjectField.safeParse(issue.fields.project);
  if (!project.success || project.data.key !== projectKey) return 'elsewhere';
  const labels = issue.fields.labels;
  const labelled = Array.isArray(labels) && labels.includes(TASK_LABEL);
  return labelled || issue.properties[TASK_PROPERTY] !== undefined ? 'task' : 'released';
}

/** One request creates the task with its property and its links to the stories, or nothing. */
export async function createTask(user: JiraClient, task: NewTask): Promise<{ id: string; key: string }> {
  return user.post(
    route`/rest/api/3/issue`.value,
    {
      fields: {
        project: { key: task.projectKey },
        issuetype: { name: task.issueTypeName },
        summary: task.summary,
        description: task.description,
        labels: [TASK_LABEL],
      },
      properties: [{ key: TASK_PROPERTY, value: task.property }],
      update: {
        issuelinks: task.storyKeys.map((key) => ({ add: { type: { name: task.linkType }, outwardIssue: { key } } })),
      },
    },
    CreatedIssue,
  );
}

/**
 * An issue as Jira has it now, for the status trigger: the project it is in (Jira's, not the
 * property's), its status, and the task property it claims; undefined when any is missing.
 */
export async function readTaskIssue(
  app: JiraClient,
  issueId: string,
): Promise<
  | { taskIssue: TaskIssue; property: TaskProperty; status: { statusName: string; categoryKey: StatusCategoryKey } }
  | undefined
> {
  const issue = await app
    .get(
      route`/rest/api/3/issue/${issueId}?fields=status,project,security&properties=${TASK_PROPERTY}`.value,
      IssueRecord,
    )
    .catch((error: unknown) => {
      // Deleted since, or under a security level the app is not in (Jira's default): nothing to follow.
      if (error instanceof JiraApiError && error.kind === 'NOT_FOUND') return undefined;
      throw error;
    });
  if (!issue) {
    console.warn(
      `without: issue ${issueId} cannot be read by the app (deleted, or under a security level the app is not in)`,
    );
    return undefined;
  }
  const property = TaskProperty.safeParse(issue.properties[TASK_PROPERTY]);
  const project = ProjectField.safeParse(issue.fields.project);
  const status = statusOf(issue.fields.status);
  if (!property.success || !project.success || !status) return undefined;
  // A task under a security level is not followed: its status would go into the model, which
  // everyone who browses the project reads, some of whom may not see the task (null: no level).
  if (hasSecurityLevel(issue.fields)) {
    console.warn(`without: the status of ${issue.key} is not followed: it has a security level (or Jira did not say)`);
    return undefined;
  }
  return { taskIssue: { id: issue.id, key: issue.key, projectKey: project.data.key }, property: property.data, status };
}

/**
 * Another issue (with its own fields and properties) and the tasks with these ids, in one
 * bulkfetch: a call that must read an issue and expects which tasks it will show reads them in
 * the issue's request, not one after. `issue` is undefined when Jira left it out (gone or hidden
 * from the caller); tasks missing from the answer are left out, as readTasksById does.
 */
export async function readIssueBesideTasks(
  client: JiraClient,
  issue: { id: string; fields: string[]; properties: string[] },
  taskIds: string[],
  sprintField?: string,
): Promise<{ issue: IssueRecord | undefined; tasks: TaskRecord[] }> {
  const taskFields = sprintField ? [...TASK_FIELDS, sprintField] : TASK_FIELDS;
  const issues = await readIssuesById(client, [issue.id, ...taskIds], {
    fields: [...new Set([...issue.fields, ...taskFields])],
    properties: [...new Set([...issue.properties, TASK_PROPERTY])],
  });
  const wanted = new Set(taskIds);
  return {
    issue: issues.find((i) => i.id === issue.id || i.key === issue.id),
    tasks: issues.filter((i) => wanted.has(i.id)).map((i) => toTask(i, sprintField)),
  };
}
