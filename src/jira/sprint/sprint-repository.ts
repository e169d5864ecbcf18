import { route } from '@forge/api';
import { z } from 'zod';
import type { SprintChoice, SprintStory, TaskSummary } from '../../domain/resolver-contract';
import { readStoryClauses } from '../../domain/story/story-clauses';
import type { TaskSprint } from '../../domain/sprint/sprint-plan';
import type { JiraClient } from '../client/jira-client';
import { jqlString } from '../client/jql';
import { TASK_PROPERTY } from '../mitigation/mitigation-task-repository';
import { statusOf, UNKNOWN_STATUS } from '../client/jira-schemas';
import { searchIssues } from '../client/search-issues';

export const SprintInfo = z.looseObject({
  id: z.number(),
  name: z.string(),
  state: z.enum(['active', 'future', 'closed']),
  goal: z.string().nullable().optional(),
  originBoardId: z.number().optional(),
  boardId: z.number().optional(),
});
export type SprintInfo = z.infer<typeof SprintInfo>;

export async function readSprint(user: JiraClient, sprintId: number): Promise<SprintInfo> {
  return user.get(route`/rest/agile/1.0/sprint/${sprintId}`.value, SprintInfo);
}

/** The sprint a value of the Sprint field names (Jira keeps a list; the open one counts). */
export function currentSprint(value: unknown): SprintInfo | undefined {
  const list = z.array(SprintInfo).safeParse(value);
  if (!list.success) return undefined;
  return list.data.find((s) => s.state !== 'closed') ?? list.data.at(-1);
}

/**
 * The sprint's issues in ceil(N/100) requests, each as a story (its clauses) and, when it carries
 * a `without.task` property, as a task (its live status). Which of them really are mitigation
 * tasks only the threat model can say: a property alone proves nothing (see task-evidence).
 */
export async function sprintStories(
  user: JiraClient,
  projectKey: string,
  sprintId: number,
  fields: { clauses: string; sprint: string },
): Promise<{ stories: SprintStory[]; tasks: TaskSummary[]; sprint?: SprintInfo }> {
  const issues = await searchIssues(user, {
    jql: `project = ${jqlString(projectKey)} AND sprint = ${sprintId} ORDER BY rank ASC`,
    fields: ['summary', 'status', fields.clauses, fields.sprint],
    properties: [TASK_PROPERTY],
  });
  const sprint = issues.map((i) => currentSprint(i.fields[fields.sprint])).find((s) => s?.id === sprintId);
  const stories = issues.map((i) => {
    const { clauses, directThreatIds } = readStoryClauses(i.fields[fields.clauses]);
    return {
      issueId: i.id,
      issueKey: i.key,
      summary: typeof i.fields.summary === 'string' ? i.fields.summary : '',
      statusName: statusOf(i.fields.status)?.statusName ?? '',
      clauses,
      directThreatIds,
    };
  });
  const tasks = issues
    .filter((i) => i.properties[TASK_PROPERTY] !== undefined)
    .map((i): TaskSummary => ({ id: i.id, key: i.key, ...(statusOf(i.fields.status) ?? UNKNOWN_STATUS) }));
  return { stories, tasks, ...(sprint ? { sprint } : {}) };
}

/**
 * Ids of the project's mitigation tasks in open sprints other than this one: ids only, so one
 * request answers for up to 5,000 tasks (Jira's page for id-only searches).
 */
export async function tasksInOtherOpenSprints(
  user: JiraClient,
  projectKey: string,
  sprintId: number,
): Promise<Set<string>> {
  const issues = await searchIssues(user, {
    jql: `project = ${jqlString(projectKey)} AND issue.property[${TASK_PROPERTY}].mitigationId IS NOT EMPTY AND sprint in openSprints() AND sprint != ${sprintId}`,
    fields: ['id'],
    pageSize: 5000,
  });
  return new Set(issues.map((i) => i.id));
}

/** Where each task sits, from the Sprint field of the tasks' search. */
export const taskSprintOf = (value: unknown): TaskSprint => {
  const sprint = currentSprint(value);
  return sprint ? { sprintId: sprint.id, sprintName: sprint.name, sprintState: sprint.state } : { sprintId: null };
};

const Boards = z.looseObject({ values: z.array(z.looseObject({ id: z.number(), name: z.string() })) });
const Sprints = z.looseObject({ values: z.array(SprintInfo) });

/** The active and future sprints of the project's boards. */
export async function openSprints(user: JiraClient, projectKey: string): Promise<SprintChoice[]> {
  const boards = await user.get(route`/rest/agile/1.0/board?projectKeyOrId=${projectKey}`.value, Boards);
  const perBoard = await Promise.all(
    boards.values.map(async (board) => {
      const sprints = await user.get(
        route`/rest/agile/1.0/board/${board.id}/sprint?state=${'active,future'}`.value,
        Sprints,
      );
      return sprints.values
        .filter((s): s is SprintInfo & { state: 'active' | 'future' } => s.state !== 'closed')
        .map((s) => ({ id: s.id, name: s.name, state: s.state, boardName: board.name }));
    }),
  );
  return perBoard.flat().sort((a, b) => (a.state === b.state ? a.id - b.id : a.state === 'active' ? -1 : 1));
}

/** Moves issues into a sprint as the person (Jira checks Schedule and Edit issues), 50 at a time. */
export async function moveToSprint(user: JiraClient, sprintId: number, issueKeys: string[]): Promise<void> {
  for (let i = 0; i < issueKeys.length; i += 50) {
    await user.send(route`/rest/agile/1.0/sprint/${sprintId}/issue`.value, {
      method: 'POST',
      body: JSON.stringify({ issues: issueKeys.slice(i, i + 50) }),
    });
  }
}
