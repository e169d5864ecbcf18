import { route } from '@forge/api';
import { z } from 'zod';
import type { SprintChoice, SprintStory } from '../domain/resolver-contract';
import { readStoryClauses } from '../domain/story-clauses';
import type { TaskSprint } from '../domain/sprint-plan';
import type { JiraClient } from './jira-client';
import { jqlString } from './jql';
import { TASK_PROPERTY } from './mitigation-tasks';
import { searchIssues } from './search-issues';

export const SprintInfo = z.looseObject({
  id: z.number(),
  name: z.string(),
  state: z.enum(['active', 'future', 'closed']),
  goal: z.string().nullable().optional(),
  originBoardId: z.number().optional(),
  boardId: z.number().optional(),
});
export type SprintInfo = z.infer<typeof SprintInfo>;

const Status = z.looseObject({ name: z.string() });

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
 * The sprint's stories with their clauses, in ceil(N/100) requests. Mitigation tasks in the
 * sprint are left out: they are the security work, not the stories.
 */
export async function sprintStories(user: JiraClient, projectKey: string, sprintId: number, fields: { clauses: string; sprint: string }): Promise<{ stories: SprintStory[]; sprint?: SprintInfo }> {
  const issues = await searchIssues(user, {
    jql: `project = ${jqlString(projectKey)} AND sprint = ${sprintId} ORDER BY rank ASC`,
    fields: ['summary', 'status', fields.clauses, fields.sprint],
    properties: [TASK_PROPERTY],
  });
  const sprint = issues.map((i) => currentSprint(i.fields[fields.sprint])).find((s) => s?.id === sprintId);
  const stories = issues
    .filter((i) => i.properties[TASK_PROPERTY] === undefined)
    .map((i) => {
      const { clauses, directThreatIds } = readStoryClauses(i.fields[fields.clauses]);
      const status = Status.safeParse(i.fields.status);
      return { issueId: i.id, issueKey: i.key, summary: typeof i.fields.summary === 'string' ? i.fields.summary : '', statusName: status.success ? status.data.name : '', clauses, directThreatIds };
    });
  return { stories, ...(sprint ? { sprint } : {}) };
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
      const sprints = await user.get(route`/rest/agile/1.0/board/${board.id}/sprint?state=${'active,future'}`.value, Sprints);
      return sprints.values.filter((s): s is SprintInfo & { state: 'active' | 'future' } => s.state !== 'closed').map((s) => ({ id: s.id, name: s.name, state: s.state, boardName: board.name }));
    }),
  );
  return perBoard.flat().sort((a, b) => (a.state === b.state ? a.id - b.id : a.state === 'active' ? -1 : 1));
}

/** Moves issues into a sprint as the person (Jira checks Schedule and Edit issues), 50 at a time. */
export async function moveToSprint(user: JiraClient, sprintId: number, issueKeys: string[]): Promise<void> {
  for (let i = 0; i < issueKeys.length; i += 50) {
    await user.send(route`/rest/agile/1.0/sprint/${sprintId}/issue`.value, { method: 'POST', body: JSON.stringify({ issues: issueKeys.slice(i, i + 50) }) });
  }
}
