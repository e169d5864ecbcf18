import { route } from '@forge/api';
import { z } from 'zod';
import type { IssueTransition } from '../../domain/audit/value-fixes';
import type { StatusCategoryKey } from '../../domain/mitigation/task-status';
import type { TaskProperty } from '../../domain/mitigation/task-property';
import type { JiraClient } from '../client/jira-client';
import { deleteProperty, issueEntity, putProperty } from '../client/entity-properties';
import { IssueRecord, statusOf } from '../client/jira-schemas';
import { TASK_LABEL, TASK_PROPERTY } from '../mitigation/mitigation-task-repository';

// What the audit's in-place fixes read and write on one issue, as the person: Jira checks they
// may see it (the read), edit it (property and label writes) and transition it.

export interface IssueForFix {
  id: string;
  key: string;
  /** Jira's project of the issue (a moved issue still opens by its old key). */
  projectKey: string;
  categoryKey: StatusCategoryKey | undefined;
  /** The raw clauses field value, when asked for by its field id. */
  clausesValue: unknown;
  /** The raw `without.task` property. */
  taskValue: unknown;
}

/** One read: the issue's project, status, the clauses field (when named) and the task property. */
export async function readIssueForFix(
  user: JiraClient,
  issueKey: string,
  clausesFieldId?: string,
): Promise<IssueForFix> {
  const fields = ['project', 'status', ...(clausesFieldId ? [clausesFieldId] : [])].join(',');
  const issue = await user.get(
    route`/rest/api/3/issue/${issueKey}?fields=${fields}&properties=${TASK_PROPERTY}`.value,
    IssueRecord,
  );
  const project = issue.fields.project as { key?: unknown } | undefined;
  return {
    id: issue.id,
    key: issue.key,
    projectKey: typeof project?.key === 'string' ? project.key : '',
    categoryKey: statusOf(issue.fields.status)?.categoryKey,
    clausesValue: clausesFieldId ? issue.fields[clausesFieldId] : undefined,
    taskValue: issue.properties[TASK_PROPERTY],
  };
}

/** Writes the task property (the model's record of it), as the person. */
export async function writeTaskProperty(user: JiraClient, issueId: string, property: TaskProperty): Promise<void> {
  await putProperty(user, issueEntity(issueId), TASK_PROPERTY, property);
}

/**
 * Makes an issue no mitigation task any more: the app's label goes first (the task search finds
 * an issue by it or by the property), then the property. Links to stories stay: they are the
 * person's, and harmless.
 */
export async function releaseTaskIssue(user: JiraClient, issueId: string): Promise<void> {
  await user.send(route`/rest/api/3/issue/${issueId}`.value, {
    method: 'PUT',
    body: JSON.stringify({ update: { labels: [{ remove: TASK_LABEL }] } }),
  });
  await deleteProperty(user, issueEntity(issueId), TASK_PROPERTY);
}

// https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-transitions-get
const Transitions = z.looseObject({
  transitions: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      to: z.looseObject({ statusCategory: z.looseObject({ key: z.string() }).optional() }).optional(),
    }),
  ),
});

const CATEGORIES: ReadonlySet<string> = new Set(['new', 'indeterminate', 'done']);

/** The transitions Jira offers the person on the issue now (their workflow, conditions and permissions). */
export async function readTransitions(user: JiraClient, issueId: string): Promise<IssueTransition[]> {
  const answer = await user.get(route`/rest/api/3/issue/${issueId}/transitions`.value, Transitions);
  return answer.transitions.map((t) => {
    const key = t.to?.statusCategory?.key;
    return { id: t.id, name: t.name, toCategory: key && CATEGORIES.has(key) ? (key as StatusCategoryKey) : undefined };
  });
}

/** Moves the issue through a transition, as the person (Jira checks TRANSITION_ISSUES). */
export async function transitionIssue(user: JiraClient, issueId: string, transitionId: string): Promise<void> {
  await user.send(route`/rest/api/3/issue/${issueId}/transitions`.value, {
    method: 'POST',
    body: JSON.stringify({ transition: { id: transitionId } }),
  });
}
